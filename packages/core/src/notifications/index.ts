export {
  composeSlaBreachEmails,
  SLA_BREACH_NOTIFY_JOB,
  scheduleSlaBreachNotification,
} from './sla-breach-notification.js';
