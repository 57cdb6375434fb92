export { DELIVERY_ID_HEADERS, webhookDeliveryId } from './delivery-id.js';
export {
  type AcceptedWebhookResult,
  type InboundWebhookDelivery,
  PluginWebhookService,
  type PluginWebhookServiceDeps,
  pruneWebhookDeliveries,
  WEBHOOK_DELIVERY_RETENTION_MS,
} from './plugin-webhook.service.js';
export {
  CRM_APPLY_CHANGES_JOB,
  type CrmApplyChangesPayload,
  outboxWebhookResultSink,
  REWARDS_APPLY_STATUS_JOB,
  type RewardsApplyStatusPayload,
  type WebhookResultSink,
  type WebhookResultSinkFactory,
} from './webhook-result-sink.js';
