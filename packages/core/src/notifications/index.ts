export {
  NOTIFICATION_DELIVER_JOB,
  type NotificationDeliverJobPayload,
  NotificationDeliverJobPayloadSchema,
  type NotificationDelivery,
  NotifyInputSchema,
  NotifyOptionsSchema,
} from './notification-delivery.schema.js';
export {
  type DeliveryOutcome,
  NotificationEngine,
  type NotificationEngineOptions,
} from './notification-engine.js';
export { NoNotifierError, NotificationDeliveryError } from './notification-errors.js';
export {
  composeSlaBreachEmails,
  SLA_BREACH_NOTIFY_JOB,
  scheduleSlaBreachNotification,
} from './sla-breach-notification.js';
