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
  outboxWebhookResultSink,
  type WebhookResultSink,
  type WebhookResultSinkFactory,
} from './webhook-result-sink.js';
