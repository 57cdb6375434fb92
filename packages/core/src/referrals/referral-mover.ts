import { ROLE_PERMISSIONS, roleCan } from '../access/permissions.js';
import type { Scope } from '../api-keys/api-key.schema.js';
import { ForbiddenError } from '../errors.js';
import type { StaffRole } from '../users/user.schema.js';
import { isHeldForReview } from './held-for-review.js';
import type { FraudDecision, ReferralStatus } from './referral.schema.js';

/**
 * Who moves a referral, and what they may decide: a staff member with their role, an API key with its scopes, or
 * the system (jobs, seeding, tests). The surface has already checked that the caller may move referrals at all
 * (`referrals:write`); `ReferralService.transition` decides the rest from this, on the locked row. A staff member
 * or key without its role or scopes does not fit the type, so no surface can leave them out.
 */
export type ReferralMover =
  | { actor: { type: 'user'; id: string }; role: StaffRole; ip?: string | null | undefined }
  | {
      actor: { type: 'api_key'; id: string | null };
      scopes: readonly Scope[];
      ip?: string | null | undefined;
    }
  | { actor: { type: 'system' | 'plugin'; id: string | null }; ip?: string | null | undefined };

/** The system moving a referral: every move the lifecycle allows. */
export const SYSTEM_MOVER: ReferralMover = Object.freeze({ actor: { type: 'system' as const, id: null } });

/** Installation-wide settings of the move policy. */
export interface ReferralMovePolicy {
  /** `WARMPATH_SALES_OWN_REFERRALS_ONLY`: staff with the `sales` role move only the referrals assigned to them. */
  salesOwnReferralsOnly: boolean;
}

/** True when the mover may decide a referral held for review (`referrals:review`). */
export function moverMayReview(mover: ReferralMover): boolean {
  if ('role' in mover) return roleCan(mover.role, 'referrals:review');
  if ('scopes' in mover) return mover.scopes.includes('referrals:review');
  return true;
}

/**
 * Why the mover may not move this referral as it stands, or null when they may: a referral held for review needs
 * `referrals:review`; someone else's referral is out of reach for `sales` when the installation keeps sales to their
 * own. The referral page shows it before anyone tries; {@link assertMayMove} enforces it on the locked row.
 */
export function moveRefusal(
  mover: ReferralMover,
  referral: { status: ReferralStatus; fraudDecision: FraudDecision; ownerId: string | null },
  policy: ReferralMovePolicy,
): string | null {
  if (isHeldForReview(referral) && !moverMayReview(mover)) {
    return `Fraud rules hold this referral for review: only someone with referrals:review (${rolesThatReview()}) can move it, by approving or rejecting it in the review queue`;
  }
  if (
    'role' in mover &&
    mover.role === 'sales' &&
    policy.salesOwnReferralsOnly &&
    referral.ownerId !== mover.actor.id
  ) {
    return 'Sales staff move only the referrals assigned to them';
  }
  return null;
}

/**
 * Refuses (`ForbiddenError`) a move the mover may not make on this referral, as it stands (the caller holds its row
 * lock), for the reasons {@link moveRefusal} gives.
 */
export function assertMayMove(
  mover: ReferralMover,
  referral: { status: ReferralStatus; fraudDecision: FraudDecision; ownerId: string | null },
  policy: ReferralMovePolicy,
): void {
  const refusal = moveRefusal(mover, referral, policy);
  if (refusal) throw new ForbiddenError(refusal);
}

/** "an owner, admin or manager": the staff roles that decide held referrals, from the permission matrix. */
function rolesThatReview(): string {
  const roles = Object.entries(ROLE_PERMISSIONS)
    .filter(([, permissions]) => permissions.includes('referrals:review'))
    .map(([role]) => role);
  const last = roles.pop();
  const listed = roles.length > 0 ? `${roles.join(', ')} or ${last}` : (last ?? 'a reviewer');
  return `${/^[aeiou]/.test(listed) ? 'an' : 'a'} ${listed}`;
}
