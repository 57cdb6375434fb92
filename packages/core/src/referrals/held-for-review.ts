import type { FraudDecision, ReferralStatus } from './referral.schema.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

/**
 * True when fraud rules hold a referral for a reviewer: it is `in_review`, or still waiting for a decision with a
 * verdict other than `allow`. Only callers who may review (`referrals:review`) decide such a referral; without this,
 * anyone who can move referrals could wave a flagged one through. (The review queue's query selects the same set.)
 */
export function isHeldForReview(referral: { status: ReferralStatus; fraudDecision: FraudDecision }): boolean {
  if (referral.status === 'in_review') return true;
  return AWAITING_DECISION_STATUSES.includes(referral.status) && referral.fraudDecision !== 'allow';
}
