import { z } from 'zod';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import type { ReferralStatus } from './referral.schema.js';
import type { ReferralService } from './referral.service.js';
import { type ExplainedFraudFlag, explainFlags } from './referral-console-detail.js';
import {
  filteredReferrals,
  type ReferralListItem,
  selectListColumns,
  toListItem,
} from './referral-console-list.js';
import type { ReferralMover } from './referral-mover.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

/** Filters and page of the review queue: oldest first, so the longest-waiting referral is decided first. */
export const reviewQueueQuerySchema = z.strictObject({
  trackId: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ReviewQueueQuery = z.input<typeof reviewQueueQuerySchema>;

/** A held referral with every flag that held it. */
export interface ReviewQueueItem extends ReferralListItem {
  flags: ExplainedFraudFlag[];
}

/**
 * The referrals waiting for a human because of fraud rules: every `in_review` referral, and any other referral
 * still awaiting a decision whose fraud verdict is not `allow` (a track whose review threshold was lowered later) —
 * in SQL, the set `isHeldForReview` describes.
 */
export async function listReviewQueue(
  executor: Executor,
  query: ReviewQueueQuery,
  now: Date,
): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
  const { trackId, limit, cursor } = parseInput(reviewQueueQuerySchema, query);
  let rows = selectListColumns(filteredReferrals(executor, { trackId }, now))
    .select('referrals.fraud_flags')
    .where((eb) =>
      eb.or([
        eb('referrals.status', '=', 'in_review'),
        eb.and([
          eb('referrals.status', 'in', [...AWAITING_DECISION_STATUSES]),
          eb('referrals.fraud_decision', '!=', 'allow'),
        ]),
      ]),
    )
    .orderBy('referrals.id', 'asc')
    .limit(limit + 1);
  if (cursor !== undefined) rows = rows.where('referrals.id', '>', decodeIdCursor(cursor));
  const found = await rows.execute();
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toListItem(row, now), flags: explainFlags(row.fraud_flags) })),
    nextCursor: found.length > limit && last ? encodeIdCursor(last.id) : null,
  };
}

/** A reviewer's decision on a held referral; the reason is required and kept in its history. */
export const reviewDecisionInputSchema = z.strictObject({
  id: z.string().min(1).max(100),
  reason: z.string().trim().min(1, 'Say why').max(1000),
});
export type ReviewDecisionInput = z.input<typeof reviewDecisionInputSchema>;

/** Where each review decision moves the referral. */
export const REVIEW_DECISIONS = { approve: 'accepted', reject: 'rejected' } as const satisfies Record<
  string,
  ReferralStatus
>;
export type ReviewDecision = keyof typeof REVIEW_DECISIONS;

/**
 * Approves or rejects a held referral through the lifecycle (`ReferralService.transition`), so history, audit and
 * `referral.status_changed` webhooks happen as for any move; a referral already decided is a `ConflictError`.
 */
export async function decideReview(
  referrals: ReferralService,
  decision: ReviewDecision,
  input: ReviewDecisionInput,
  reviewer: ReferralMover,
): Promise<void> {
  const { id, reason } = parseInput(reviewDecisionInputSchema, input);
  await referrals.transition(id, { to: REVIEW_DECISIONS[decision], reason }, reviewer);
}
