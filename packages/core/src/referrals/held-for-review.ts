import { roleCan } from '../access/permissions.js';
import { ForbiddenError } from '../errors.js';
import type { Executor } from '../shared/executor.js';
import { isUuid } from '../shared/ids.js';
import type { StaffRole } from '../users/user.schema.js';
import type { FraudDecision, ReferralStatus } from './referral.schema.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

/**
 * True when fraud rules hold a referral for a reviewer: it is `in_review`, or still waiting for a decision with a
 * verdict other than `allow`. Only staff who may review (`referrals:review`) decide such a referral; without this,
 * anyone who can move referrals could wave a flagged one through. (The review queue's query selects the same set.)
 */
export function isHeldForReview(referral: { status: ReferralStatus; fraudDecision: FraudDecision }): boolean {
  if (referral.status === 'in_review') return true;
  return AWAITING_DECISION_STATUSES.includes(referral.status) && referral.fraudDecision !== 'allow';
}

/**
 * Refuses (`ForbiddenError`) a staff member without `referrals:review` moving a referral held for review. Unknown
 * ids pass: the move itself then answers not found.
 */
export async function assertMayMoveReferral(executor: Executor, id: string, role: StaffRole): Promise<void> {
  if (!isUuid(id) || roleCan(role, 'referrals:review')) return;
  const row = await executor
    .selectFrom('referrals')
    .select(['status', 'fraud_decision'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row && isHeldForReview({ status: row.status, fraudDecision: row.fraud_decision })) {
    throw new ForbiddenError('Fraud rules hold this referral: someone who reviews referrals decides it');
  }
}
