import type { DomainEvent, DomainEventType } from './domain-events.schema.js';

/** A subscriber to one domain event type. Runs at least once per event (in a job): make it idempotent. */
export type DomainEventHandler<T extends DomainEventType> = (event: DomainEvent<T>) => Promise<void> | void;

/** `ctx.events`: subscriptions to domain events. */
export interface PluginEvents {
  /** Subscribes to a domain event type (during `register` only). */
  on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>): void;
}
