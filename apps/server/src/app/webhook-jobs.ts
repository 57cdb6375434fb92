import { WEBHOOK_DELIVER_JOB, type WebhookDeliveryJob, type WebhookService } from '@warmpath/core';
import { defineJob, type JobQueue, type RetryPolicy } from '@warmpath/jobs';
import { z } from 'zod';

/**
 * Eight attempts, 30 s then 1, 2, 4, 8, 16 and 32 minutes apart (about an hour in all): an endpoint that is down
 * for a deploy or a short outage still gets its messages; after that the delivery is marked failed and can be
 * redelivered from the log.
 */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

/** Options of {@link defineWebhookJobs}. */
export interface WebhookJobOptions {
  /** Overrides {@link WEBHOOK_RETRY_POLICY} field by field (tests use short back-offs). */
  retry?: Partial<RetryPolicy> | undefined;
}

/**
 * Defines `webhooks.deliver`: one signed attempt per run. A refused attempt throws, so the queue retries it with
 * exponential backoff; the run that is the policy's last marks the delivery failed.
 */
export function defineWebhookJobs(
  queue: JobQueue,
  webhooks: WebhookService,
  options: WebhookJobOptions = {},
) {
  const retry: RetryPolicy = { ...WEBHOOK_RETRY_POLICY, ...options.retry };
  queue.define(
    defineJob({
      name: WEBHOOK_DELIVER_JOB,
      schema: z.object({ deliveryId: z.string().min(1).max(100) }),
      retry,
      async handler({ deliveryId }, ctx) {
        await webhooks.attemptDelivery(deliveryId, {
          isLastAttempt: ctx.attempt >= retry.attempts,
          signal: ctx.signal,
        });
      },
    }),
  );
}

/** Enqueues delivery jobs with their idempotency keys (a repeated fan-out enqueues nothing new). */
export async function enqueueWebhookDeliveries(queue: JobQueue, jobs: readonly WebhookDeliveryJob[]) {
  for (const job of jobs) {
    await queue.enqueue(job.name, job.payload, { idempotencyKey: job.idempotencyKey });
  }
}
