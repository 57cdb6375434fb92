import type { JsonValue, WebhookDeliveryRow, WebhookEndpointRow } from '@warmpath/db';
import { json } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function insertEndpointRow(
  executor: Executor,
  row: {
    id: string;
    url: string;
    events: string[];
    description: string | null;
    secretSealed: string;
    now: Date;
  },
): Promise<WebhookEndpointRow> {
  return executor
    .insertInto('webhook_endpoints')
    .values({
      id: row.id,
      url: row.url,
      events: json(row.events),
      description: row.description,
      secret_sealed: row.secretSealed,
      created_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An active (not disabled) endpoint. */
export async function findActiveEndpointRow(
  executor: Executor,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return executor
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** An endpoint, active or disabled. */
export async function findEndpointRow(
  executor: Executor,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return executor.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every endpoint, disabled ones included, oldest first, after the given id. */
export async function selectEndpointRows(
  executor: Executor,
  page: { afterId?: string | undefined; limit: number },
): Promise<WebhookEndpointRow[]> {
  let query = executor.selectFrom('webhook_endpoints').selectAll().orderBy('id').limit(page.limit);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  return query.execute();
}

export async function updateEndpointRow(
  executor: Executor,
  id: string,
  changes: { url?: string; events?: string[]; description?: string | null; disabledAt?: Date | null },
): Promise<WebhookEndpointRow> {
  return executor
    .updateTable('webhook_endpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.events !== undefined ? { events: json(changes.events) } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The endpoint a delivery belongs to. */
export async function findDeliveryEndpointId(
  executor: Executor,
  deliveryId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('webhook_deliveries')
    .select('endpoint_id')
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  return row?.endpoint_id;
}

/** Active endpoints, oldest first, after the given id. */
export async function selectActiveEndpointRows(
  executor: Executor,
  page: { afterId?: string | undefined; limit?: number | undefined } = {},
): Promise<WebhookEndpointRow[]> {
  let query = executor
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('disabled_at', 'is', null)
    .orderBy('id');
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (page.limit !== undefined) query = query.limit(page.limit);
  return query.execute();
}

/** Deletes an endpoint and, by cascade, its delivery log. Returns whether it existed. */
export async function deleteEndpointRow(executor: Executor, id: string): Promise<boolean> {
  const deleted = await executor
    .deleteFrom('webhook_endpoints')
    .where('id', '=', id)
    .returning('id')
    .execute();
  return deleted.length > 0;
}

/**
 * One delivery row per endpoint for this message; endpoints that already have one keep it (a repeated fan-out
 * creates nothing).
 */
export async function insertDeliveryRows(
  executor: Executor,
  rows: {
    id: string;
    endpointId: string;
    messageId: string;
    eventType: string;
    payload: JsonValue;
    now: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await executor
    .insertInto('webhook_deliveries')
    .values(
      rows.map((row) => ({
        id: row.id,
        endpoint_id: row.endpointId,
        message_id: row.messageId,
        event_type: row.eventType,
        payload: json(row.payload),
        created_at: row.now,
      })),
    )
    .onConflict((oc) => oc.columns(['endpoint_id', 'message_id']).doNothing())
    .execute();
}

/** The pending deliveries of a message (its first send not done yet). */
export async function selectPendingDeliveryIds(executor: Executor, messageId: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('message_id', '=', messageId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** A delivery of an endpoint, newest first, before the given id. */
export async function selectDeliveryRows(
  executor: Executor,
  endpointId: string,
  page: { beforeId?: string | undefined; limit: number },
): Promise<WebhookDeliveryRow[]> {
  let query = executor
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.execute();
}

export async function lockDeliveryRow(
  executor: Executor,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryRow | undefined> {
  return executor
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .forUpdate()
    .executeTakeFirst();
}

/** A delivery with what sending it needs from its endpoint. */
export async function findDeliveryTarget(executor: Executor, deliveryId: string) {
  return executor
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.message_id',
      'webhook_deliveries.event_type',
      'webhook_deliveries.payload',
      'webhook_deliveries.status',
      'webhook_endpoints.url',
      'webhook_endpoints.secret_sealed',
      'webhook_endpoints.disabled_at',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

/** Records one attempt: the count goes up in SQL, so concurrent attempts never lose one. */
export async function recordAttemptOnRow(
  executor: Executor,
  deliveryId: string,
  attempt: {
    at: Date;
    statusCode: number | null;
    error: string | null;
    status: 'pending' | 'succeeded' | 'failed';
  },
): Promise<WebhookDeliveryRow | undefined> {
  return executor
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_attempt_at: attempt.at,
      last_status_code: attempt.statusCode,
      last_error: attempt.error,
      status: attempt.status,
      ...(attempt.status === 'succeeded' ? { delivered_at: attempt.at } : {}),
    }))
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Makes a delivery pending again for a manual redelivery. The last answer and delivery time belonged to the earlier
 * send: kept beside `pending` they would read as this send's answer ("pending", "HTTP 200"), so they are cleared
 * until the new attempt records its own.
 */
export async function markDeliveryPending(
  executor: Executor,
  deliveryId: string,
): Promise<WebhookDeliveryRow> {
  return executor
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', last_status_code: null, last_error: null, delivered_at: null })
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
