import type { Executor } from '../common/executor.js';
import {
  pruneWebhookDeliveries,
  WEBHOOK_DELIVERY_RETENTION_MS,
} from '../plugin-webhooks/plugin-webhook.service.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long finished bookkeeping rows are kept before {@link pruneExpiredRows} deletes them. */
export interface RetentionPolicy {
  /** Outbox rows, counted from their dispatch: kept a while to answer "was this sent?" when debugging. */
  dispatchedOutboxMs: number;
  /** Stored `Idempotency-Key` responses: a client retries within minutes; a day is the common contract (Stripe's). */
  idempotencyKeysMs: number;
  /** Expired sessions and one-time login links, counted from their expiry. */
  expiredCredentialsMs: number;
  /** Delivery ids of inbound plugin webhooks: kept well past the longest provider retry window. */
  webhookDeliveriesMs: number;
  /**
   * Sent or failed notification deliveries, counted from their last change: long enough to answer "did the
   * owner get told?"; a repeat of the same message after that is sent again. Pending ones are never pruned.
   */
  finishedNotificationsMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  dispatchedOutboxMs: 7 * DAY_MS,
  idempotencyKeysMs: DAY_MS,
  expiredCredentialsMs: DAY_MS,
  webhookDeliveriesMs: WEBHOOK_DELIVERY_RETENTION_MS,
  finishedNotificationsMs: 30 * DAY_MS,
};

/** Rows deleted per table by one {@link pruneExpiredRows} run. */
export interface PruneReport {
  outbox: number;
  idempotencyKeys: number;
  sessions: number;
  participantLoginTokens: number;
  pluginKv: number;
  passwordResetTokens: number;
  /** Staff sign-in failure counts whose window and lock-out are long over. */
  signInFailures: number;
  /** Remembered plugin webhook delivery ids past their retention. */
  pluginWebhookDeliveries: number;
  /** Sent or failed notification deliveries past their retention. */
  notificationDeliveries: number;
}

/**
 * Deletes bookkeeping rows nobody needs any more, so tables that grow with traffic (outbox, idempotency keys,
 * sessions, login links, password reset links, old sign-in failure counts, expired plugin kv entries, old plugin
 * webhook delivery ids, finished notification deliveries) stay small. Undispatched outbox rows are never touched. Safe to
 * run from several processes at once: each delete is idempotent.
 */
export async function pruneExpiredRows(
  db: Executor,
  now: Date,
  retention: RetentionPolicy = DEFAULT_RETENTION,
): Promise<PruneReport> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  const outbox = await db
    .deleteFrom('outbox')
    .where('dispatched_at', 'is not', null)
    .where('dispatched_at', '<', before(retention.dispatchedOutboxMs))
    .executeTakeFirst();
  const idempotencyKeys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before(retention.idempotencyKeysMs))
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where('expires_at', '<', before(retention.expiredCredentialsMs))
    .executeTakeFirst();
  const participantLoginTokens = await db
    .deleteFrom('participant_login_tokens')
    .where('expires_at', '<', before(retention.expiredCredentialsMs))
    .executeTakeFirst();
  const pluginKv = await db
    .deleteFrom('plugin_kv')
    .where('expires_at', 'is not', null)
    .where('expires_at', '<', now)
    .executeTakeFirst();
  const passwordResetTokens = await db
    .deleteFrom('password_reset_tokens')
    .where('expires_at', '<', before(retention.expiredCredentialsMs))
    .executeTakeFirst();
  // A count older than the retention has no effect any more (its 15-minute window and any lock-out have passed).
  const signInFailures = await db
    .deleteFrom('sign_in_failures')
    .where('first_failure_at', '<', before(retention.expiredCredentialsMs))
    .where((eb) =>
      eb.or([
        eb('locked_until', 'is', null),
        eb('locked_until', '<', before(retention.expiredCredentialsMs)),
      ]),
    )
    .executeTakeFirst();
  const notificationDeliveries = await db
    .deleteFrom('notification_deliveries')
    .where('status', 'in', ['sent', 'failed'])
    .where('updated_at', '<', before(retention.finishedNotificationsMs))
    .executeTakeFirst();
  return {
    outbox: count(outbox),
    idempotencyKeys: count(idempotencyKeys),
    sessions: count(sessions),
    participantLoginTokens: count(participantLoginTokens),
    pluginKv: count(pluginKv),
    passwordResetTokens: count(passwordResetTokens),
    signInFailures: count(signInFailures),
    pluginWebhookDeliveries: await pruneWebhookDeliveries(db, now, retention.webhookDeliveriesMs),
    notificationDeliveries: count(notificationDeliveries),
  };
}
