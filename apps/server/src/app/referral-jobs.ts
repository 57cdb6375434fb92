import { REFERRAL_SLA_CHECK_JOB, type ReferralService } from '@warmpath/core';
import { defineJob, type JobQueue } from '@warmpath/jobs';
import { z } from 'zod';

/** Thrown when the SLA check runs before the referral is due (clocks differ by a little): the queue retries. */
export class SlaNotYetDueError extends Error {
  constructor(referralId: string) {
    super(`The SLA of referral ${referralId} is not due yet; checking again later`);
    this.name = 'SlaNotYetDueError';
  }
}

/**
 * Defines `referrals.sla-check`, which submissions schedule through the outbox for their SLA due time: it marks a
 * referral still waiting for a decision as breached (`referral.sla_breached` event + audit entry).
 */
export function defineReferralJobs(queue: JobQueue, referrals: ReferralService): void {
  queue.define(
    defineJob({
      name: REFERRAL_SLA_CHECK_JOB,
      schema: z.object({ referralId: z.string().min(1) }),
      async handler({ referralId }) {
        if ((await referrals.checkSla(referralId)) === 'not_due') throw new SlaNotYetDueError(referralId);
      },
    }),
  );
}
