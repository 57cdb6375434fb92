import { z } from 'zod';
import { jsonValueSchema } from '../common/json-value.schema.js';
import { httpUrlSchema } from '../tracks/track.schema.js';

/** The event types an endpoint can subscribe to (docs/api.md "Webhooks"); `*` subscribes to all of them. */
export const WEBHOOK_EVENT_TYPES = [
  'participant.created',
  'referral.created',
  'referral.status_changed',
  'referral.sla_breached',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscribes an endpoint to every event type, including ones added later. */
export const ALL_WEBHOOK_EVENTS = '*';

/** The job that sends one delivery (payload `{ deliveryId }`), retried with backoff until the endpoint says 2xx. */
export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';

/** Delivery states: waiting for (another) attempt, answered 2xx, or out of attempts. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** `POST /api/v1/webhook-endpoints` body; unknown fields are rejected. */
export const createWebhookEndpointInputSchema = z.strictObject({
  url: httpUrlSchema,
  events: z
    .array(z.enum([...WEBHOOK_EVENT_TYPES, ALL_WEBHOOK_EVENTS]))
    .min(1, 'Subscribe to at least one event type, or ["*"] for all')
    .max(50),
  description: z.string().trim().max(500).optional(),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInputSchema>;

/** Changes to an endpoint from the console; `enabled: false` stops deliveries without deleting the log. */
export const updateWebhookEndpointInputSchema = z.strictObject({
  url: httpUrlSchema.optional(),
  events: createWebhookEndpointInputSchema.shape.events.optional(),
  description: z.string().trim().max(500).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInputSchema>;

/**
 * A webhook endpoint in the public API's shape; the signing secret is never part of it. A disabled endpoint (the
 * console can switch one off) gets no new deliveries but is still listed, with `enabled: false`.
 */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer to creating an endpoint: the only time its signing secret (`whsec_…`) is shown. */
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({ secret: z.string() });
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

/** One message to one endpoint, as the delivery log shows it. `messageId` is the `webhook-id` header. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** The body sent: `{ type, timestamp, data }`. */
  payload: jsonValueSchema,
  createdAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** `?limit=&cursor=` of the endpoint and delivery lists. */
export const webhookListQuerySchema = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type WebhookListQuery = z.input<typeof webhookListQuerySchema>;

/** A page of a list, `nextCursor` null on the last page. */
export interface WebhookPage<T> {
  data: T[];
  nextCursor: string | null;
}

/** A `webhooks.deliver` job to enqueue: the payload and the key that keeps one generation from running twice. */
export interface WebhookDeliveryJob {
  name: typeof WEBHOOK_DELIVER_JOB;
  payload: { deliveryId: string };
  idempotencyKey: string;
}

/** Audit actions written by `WebhookService`. */
export const WEBHOOK_AUDIT_ACTIONS = {
  endpointCreated: 'webhook_endpoint.created',
  endpointUpdated: 'webhook_endpoint.updated',
  endpointDeleted: 'webhook_endpoint.deleted',
  deliveryRedelivered: 'webhook_delivery.redelivered',
} as const;
