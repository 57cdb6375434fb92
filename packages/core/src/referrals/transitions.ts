import { ConflictError } from '../errors.js';
import type { ReferralStatus } from './referral.schema.js';

/**
 * The referral lifecycle (docs/api.md "Referrals", docs/architecture.md "Domain"): qualification first, then
 * forward through the deal stages, which may be skipped but never walked back. Rejected and closed states are
 * terminal.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  submitted: ['accepted', 'rejected', 'in_review'],
  in_review: ['accepted', 'rejected'],
  accepted: ['meeting_booked', 'proposal_sent', 'closed_won', 'closed_lost'],
  meeting_booked: ['proposal_sent', 'closed_won', 'closed_lost'],
  proposal_sent: ['closed_won', 'closed_lost'],
  rejected: [],
  closed_won: [],
  closed_lost: [],
};

/** Statuses still waiting for a first decision: the SLA clock runs while a referral is in one of them. */
export const AWAITING_DECISION_STATUSES: readonly ReferralStatus[] = ['submitted', 'in_review'];

/** Statuses no referral leaves. */
export const TERMINAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'closed_won', 'closed_lost'];

/** True when a referral may move from `from` to `to`. */
export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Throws a `ConflictError` (409) naming both states when the move is not in the lifecycle. */
export function assertTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (canTransition(from, to)) return;
  const allowed = REFERRAL_TRANSITIONS[from];
  const hint =
    allowed.length === 0 ? `${from} is final` : `from ${from} it can move to ${allowed.join(', ')}`;
  throw new ConflictError(`A referral cannot move from ${from} to ${to}: ${hint}`);
}
