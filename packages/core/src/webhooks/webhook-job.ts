import { WEBHOOK_DELIVER_JOB, type WebhookDeliveryJob } from './webhook.schema.js';

/**
 * The job sending one delivery. `generation` separates sends of the same delivery: 0 for the first (so a repeated
 * fan-out of the same event enqueues nothing new), and the attempt count at the time of a manual redelivery (so
 * a double click sends once, while a redelivery after another attempt sends again).
 */
export function webhookDeliveryJob(deliveryId: string, generation: number): WebhookDeliveryJob {
  return {
    name: WEBHOOK_DELIVER_JOB,
    payload: { deliveryId },
    idempotencyKey: `webhook:${deliveryId}:${generation}`,
  };
}
