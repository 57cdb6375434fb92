import {
  NOTIFICATION_DELIVER_JOB,
  NotificationDeliverJobPayloadSchema,
  type NotificationEngine,
} from '@warmpath/core';
import { defineJob, type JobQueue, type RetryPolicy } from '@warmpath/jobs';

/**
 * Six attempts, 10 s then 20 s, 40 s, 80 s and 160 s apart (about five minutes): a chat service's blip or a
 * notifier restarted with new settings still delivers; after that the delivery is marked failed.
 */
export const NOTIFICATION_RETRY_POLICY: RetryPolicy = { attempts: 6, backoffMs: 10_000 };

/** Options of {@link defineNotificationJobs}. */
export interface NotificationJobOptions {
  /** Overrides {@link NOTIFICATION_RETRY_POLICY} field by field (tests use short back-offs). */
  retry?: Partial<RetryPolicy> | undefined;
}

/**
 * Defines `notifications.deliver`: one attempt of one delivery per run. A failed attempt is recorded on the
 * delivery and thrown, so the queue retries with exponential backoff; the policy's last run marks it failed.
 */
export function defineNotificationJobs(
  queue: JobQueue,
  notifications: NotificationEngine,
  options: NotificationJobOptions = {},
): void {
  const retry: RetryPolicy = { ...NOTIFICATION_RETRY_POLICY, ...options.retry };
  queue.define(
    defineJob({
      name: NOTIFICATION_DELIVER_JOB,
      schema: NotificationDeliverJobPayloadSchema,
      retry,
      async handler({ deliveryId }, ctx) {
        await notifications.deliver(deliveryId, { isLastAttempt: ctx.attempt >= retry.attempts });
      },
    }),
  );
}
