export {
  DOMAIN_EVENT_JOB,
  type DomainEventMessage,
  type DomainEventType,
  emitDomainEvent,
} from './emit-domain-event.js';
