import { json, type NotificationDeliveryRow, newId, sql } from '@warmpath/db';
import type { NotificationMessage } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import type { NotificationDelivery } from './notification-delivery.schema.js';

/** last_error is for people reading the table; keep it bounded. */
const MAX_ERROR_LENGTH = 2000;

/** The delivery of `message` to `notifierKey`: inserted, or the one an earlier call with the same key made. */
export async function insertDelivery(
  executor: Executor,
  values: { channel: string; notifierKey: string; message: NotificationMessage; now: Date },
): Promise<{ row: NotificationDeliveryRow; isNew: boolean }> {
  const inserted = await executor
    .insertInto('notification_deliveries')
    .values({
      id: newId(),
      channel: values.channel,
      notifier_key: values.notifierKey,
      idempotency_key: values.message.idempotencyKey,
      message: json(values.message),
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.columns(['notifier_key', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, isNew: true };
  const existing = await executor
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('notifier_key', '=', values.notifierKey)
    .where('idempotency_key', '=', values.message.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { row: existing, isNew: false };
}

/** A delivery by id. */
export function findDelivery(executor: Executor, id: string): Promise<NotificationDeliveryRow | undefined> {
  return executor.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a successful attempt with the channel's receipt. */
export async function markSent(
  executor: Executor,
  id: string,
  receipt: { id: string },
  now: Date,
): Promise<void> {
  await executor
    .updateTable('notification_deliveries')
    .set({
      status: 'sent',
      attempts: sql<number>`attempts + 1`,
      receipt: json(receipt),
      last_error: null,
      last_attempt_at: now,
      sent_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt; `isFinal` gives the delivery up (status `failed`), otherwise it stays pending. */
export async function markAttemptFailed(
  executor: Executor,
  id: string,
  failure: { message: string; isFinal: boolean; now: Date },
): Promise<void> {
  await executor
    .updateTable('notification_deliveries')
    .set({
      status: failure.isFinal ? 'failed' : 'pending',
      attempts: sql<number>`attempts + 1`,
      last_error: failure.message.slice(0, MAX_ERROR_LENGTH),
      last_attempt_at: failure.now,
      updated_at: failure.now,
    })
    .where('id', '=', id)
    .execute();
}

/** A row as callers see it. */
export function toDelivery(row: NotificationDeliveryRow): NotificationDelivery {
  const receipt = row.receipt;
  const receiptId =
    typeof receipt === 'object' &&
    receipt !== null &&
    !Array.isArray(receipt) &&
    typeof receipt.id === 'string'
      ? receipt.id
      : null;
  return {
    id: row.id,
    channel: row.channel,
    notifierKey: row.notifier_key,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    receiptId,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
