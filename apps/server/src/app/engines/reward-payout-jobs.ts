import {
  REWARDS_APPLY_STATUS_JOB,
  REWARDS_ISSUE_JOB,
  REWARDS_POLL_STATUS_JOB,
  type RewardPayoutEngine,
  rewardPayoutJobSchema,
  rewardsApplyStatusJobSchema,
} from '@warmpath/core';
import { defineJob, type JobQueue, type RetryPolicy } from '@warmpath/jobs';

export { REWARDS_APPLY_STATUS_JOB, REWARDS_ISSUE_JOB, REWARDS_POLL_STATUS_JOB, rewardsApplyStatusJobSchema };

/**
 * Eight attempts, 30 s then 1, 2, 4… 32 minutes apart: a provider outage delays a payout, and every retry sends the
 * payout's idempotency key, so none pays twice. After the last attempt the payout is marked failed.
 */
export const REWARD_PAYOUT_RETRY_POLICY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

/** Options of {@link defineRewardPayoutJobs}. */
export interface RewardPayoutJobOptions {
  /** Overrides {@link REWARD_PAYOUT_RETRY_POLICY} field by field (tests use short back-offs). */
  retry?: Partial<RetryPolicy> | undefined;
}

/**
 * Defines the payout jobs (docs/plugins-crm-and-rewards-engines.md): `rewards.issue` (written to the outbox by
 * `requestPayout` in the payout's transaction), `rewards.poll-status` and `rewards.apply-status` (status reports an
 * inbound webhook carried).
 */
export function defineRewardPayoutJobs(
  queue: JobQueue,
  engine: RewardPayoutEngine,
  options: RewardPayoutJobOptions = {},
) {
  const retry: RetryPolicy = { ...REWARD_PAYOUT_RETRY_POLICY, ...options.retry };
  queue.define(
    defineJob({
      name: REWARDS_ISSUE_JOB,
      schema: rewardPayoutJobSchema,
      retry,
      async handler({ payoutId }, ctx) {
        const outcome = await engine.issue(payoutId, { isLastAttempt: ctx.attempt >= retry.attempts });
        if (outcome.status === 'skipped') ctx.logger.info({ payoutId }, outcome.reason);
      },
    }),
  );
  queue.define(
    defineJob({
      name: REWARDS_POLL_STATUS_JOB,
      schema: rewardPayoutJobSchema,
      retry,
      async handler({ payoutId }) {
        await engine.pollStatus(payoutId);
      },
    }),
  );
  queue.define(
    defineJob({
      name: REWARDS_APPLY_STATUS_JOB,
      schema: rewardsApplyStatusJobSchema,
      retry,
      async handler({ providerKey, updates }) {
        await engine.applyStatusReports(providerKey, updates);
      },
    }),
  );
}
