export { isForwardPayoutStatus } from './payout-status.js';
export {
  type IssueOptions,
  type IssueOutcome,
  providerActor,
  REWARD_PAYOUT_AUDIT_ACTIONS,
  RewardPayoutEngine,
  type RewardPayoutEngineDeps,
} from './reward-payout.engine.js';
export {
  REWARDS_APPLY_STATUS_JOB,
  REWARDS_ISSUE_JOB,
  REWARDS_POLL_STATUS_JOB,
  type ReportDeliveryInput,
  type RequestPayoutInput,
  type RewardPayout,
  type RewardPayoutJob,
  type RewardStatusApplyReport,
  type RewardsApplyStatusJob,
  reportDeliveryInputSchema,
  requestPayoutInputSchema,
  rewardPayoutJobSchema,
  rewardPayoutSchema,
  rewardStatusApplyReportSchema,
  rewardsApplyStatusJobSchema,
} from './reward-payout.schema.js';
