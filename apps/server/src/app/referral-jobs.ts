import {
  composeSlaBreachEmails,
  type Mailer,
  REFERRAL_SLA_CHECK_JOB,
  type ReferralService,
  SLA_BREACH_NOTIFY_JOB,
} from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import { defineJob, type JobQueue } from '@warmpath/jobs';
import { z } from 'zod';

/** Thrown when the SLA check runs before the referral is due (clocks differ by a little): the queue retries. */
export class SlaNotYetDueError extends Error {
  constructor(referralId: string) {
    super(`The SLA of referral ${referralId} is not due yet; checking again later`);
    this.name = 'SlaNotYetDueError';
  }
}

/** What the referral jobs need from the runtime. */
export interface ReferralJobsDependencies {
  referrals: ReferralService;
  db: Kysely<Database>;
  mailer: Mailer;
  publicUrl: string;
}

/**
 * Defines `referrals.sla-check`, which submissions schedule through the outbox for their SLA due time: it marks a
 * referral still waiting for a decision as breached (`referral.sla_breached` event + audit entry) and schedules
 * `notifications.sla-breached`, which emails the owner (or, for an unassigned referral, those who may assign it).
 * A failed send retries the job; recipients already mailed may get the email again then, never none.
 */
export function defineReferralJobs(queue: JobQueue, dependencies: ReferralJobsDependencies): void {
  const { referrals, db, mailer, publicUrl } = dependencies;
  queue.define(
    defineJob({
      name: REFERRAL_SLA_CHECK_JOB,
      schema: z.object({ referralId: z.string().min(1) }),
      async handler({ referralId }) {
        if ((await referrals.checkSla(referralId)) === 'not_due') throw new SlaNotYetDueError(referralId);
      },
    }),
  );
  queue.define(
    defineJob({
      name: SLA_BREACH_NOTIFY_JOB,
      schema: z.object({ referralId: z.string().min(1) }),
      async handler({ referralId }) {
        for (const message of await composeSlaBreachEmails(db, referralId, { publicUrl })) {
          await mailer.send(message);
        }
      },
    }),
  );
}
