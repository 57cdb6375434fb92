import type { JsonValue, WebhookDeliveryRow, WebhookEndpointRow } from '@warmpath/db';
import type { WebhookDelivery, WebhookEndpoint } from './webhook.schema.js';

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.disabled_at === null,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    messageId: row.message_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

/** The audited fields of an endpoint; the secret never enters the log. */
export function auditSnapshot(row: WebhookEndpointRow): Record<string, JsonValue> {
  return {
    url: row.url,
    events: row.events,
    description: row.description,
    disabledAt: row.disabled_at?.toISOString() ?? null,
  };
}

/** The webhook body (`{ type, timestamp, data }`) as stored with a delivery; sent in this key order. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: JsonValue;
}

/** The JSON text sent for a stored payload. jsonb does not keep key order, so the order is restored here. */
export function webhookBody(payload: JsonValue, eventType: string): string {
  const stored: Partial<Record<string, JsonValue>> =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : {};
  const body: WebhookPayload = {
    type: typeof stored.type === 'string' ? stored.type : eventType,
    timestamp: typeof stored.timestamp === 'string' ? stored.timestamp : '',
    data: stored.data ?? null,
  };
  return JSON.stringify(body);
}
