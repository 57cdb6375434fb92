import {
  CurrencySchema,
  JsonObjectSchema,
  MinorUnitsSchema,
  RewardDeliveryStatusSchema,
  RewardKindSchema,
  RewardRecipientSchema,
  RewardStatusReportSchema,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** Calls the provider's `issue()` for one payout (`RewardPayoutEngine.issue`). */
export const REWARDS_ISSUE_JOB = 'rewards.issue';
/** Asks the provider for a payout's state (`RewardPayoutEngine.pollStatus`). */
export const REWARDS_POLL_STATUS_JOB = 'rewards.poll-status';
/** Applies status reports a provider sent out of band, e.g. through an inbound webhook (`applyStatusReports`). */
export const REWARDS_APPLY_STATUS_JOB = 'rewards.apply-status';

/** Payload of {@link REWARDS_ISSUE_JOB} and {@link REWARDS_POLL_STATUS_JOB}. */
export const rewardPayoutJobSchema = z.object({ payoutId: z.string().min(1).max(100) });
export type RewardPayoutJob = z.infer<typeof rewardPayoutJobSchema>;

/** Payload of {@link REWARDS_APPLY_STATUS_JOB}: what a webhook route enqueues after the provider parsed the request. */
export const rewardsApplyStatusJobSchema = z.object({
  providerKey: z.string().min(1).max(300),
  updates: z.array(RewardStatusReportSchema).max(1000),
});
export type RewardsApplyStatusJob = z.infer<typeof rewardsApplyStatusJobSchema>;

/** Validates {@link RequestPayoutInput}; unknown fields are refused. */
export const requestPayoutInputSchema = z.strictObject({
  /** The reward provider implementation key, `rewards:<plugin>:<instance>:<name>`. */
  providerKey: z.string().min(1).max(300),
  /** Stable per reward (issue 19: the reward id and milestone): the same key never pays twice. */
  idempotencyKey: z.string().min(1).max(255),
  recipient: RewardRecipientSchema,
  /** In minor units of `currency`. */
  amount: MinorUnitsSchema.positive(),
  currency: CurrencySchema,
  kind: RewardKindSchema,
  catalogItemId: z.string().min(1).max(200).optional(),
  meta: JsonObjectSchema.optional(),
});
/** A payout to record and issue. */
export type RequestPayoutInput = z.input<typeof requestPayoutInputSchema>;

/** A payout, as the engine reports it. */
export const rewardPayoutSchema = z.object({
  id: z.string(),
  providerKey: z.string(),
  idempotencyKey: z.string(),
  recipient: RewardRecipientSchema,
  amount: z.number().int(),
  currency: z.string(),
  kind: RewardKindSchema,
  status: RewardDeliveryStatusSchema,
  providerRef: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RewardPayout = z.infer<typeof rewardPayoutSchema>;

/** Validates one delivery report a plugin sends through `ctx.services.rewards.reportDelivery`. */
export const reportDeliveryInputSchema = z.strictObject({
  ref: z.string().min(1).max(300),
  status: RewardDeliveryStatusSchema,
  reason: z.string().min(1).max(1000).optional(),
});
export type ReportDeliveryInput = z.infer<typeof reportDeliveryInputSchema>;

/** What applying status reports did. */
export const rewardStatusApplyReportSchema = z.object({
  /** Payouts whose status moved. */
  updated: z.number().int(),
  /** Reports that would not move a payout forward (a repeat, or a delivered payout reported processing). */
  unchanged: z.number().int(),
  /** Reports for a ref this provider never returned. */
  unknown: z.number().int(),
});
export type RewardStatusApplyReport = z.infer<typeof rewardStatusApplyReportSchema>;
