import { z } from 'zod';
import { roleCan } from '../access/permissions.js';
import type { AuditContext } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError, parseInput, ValidationError } from '../errors.js';
import type { StaffRole } from '../users/user.schema.js';
import { lockReferralRow } from './referral.repository.js';

/** Who should own a referral: a staff member's id, or null to leave it unassigned. */
export const assignReferralInputSchema = z.strictObject({
  id: z.string().min(1).max(100),
  ownerId: z.string().min(1).max(100).nullable(),
});
export type AssignReferralInput = z.input<typeof assignReferralInputSchema>;

/** Who may own referrals: roles that can move them (an owner who cannot would leave the referral to its SLA). */
function canOwnReferrals(role: StaffRole): boolean {
  return roleCan(role, 'referrals:write');
}

/** The staff members a referral can be handed to, by name: enabled accounts whose role may work referrals. */
export async function listAssignableOwners(
  executor: Executor,
): Promise<{ id: string; name: string; email: string; role: StaffRole }[]> {
  const users = await executor
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return users.filter((user) => canOwnReferrals(user.role));
}

/** The audit action of an owner change. */
export const REFERRAL_ASSIGNED_ACTION = 'referral.assigned';

/**
 * Hands a referral to a staff member (or unassigns it), audited with the owner before and after. The owner must be
 * an enabled account whose role may work referrals (`referrals:write`), else a `ValidationError` on `ownerId`:
 * a referral routed to someone who cannot move it would sit until its SLA breaks. Returns the new owner id.
 */
export async function assignReferral(
  deps: { db: Executor; clock: Clock },
  input: AssignReferralInput,
  context: AuditContext,
): Promise<{ id: string; ownerId: string | null }> {
  const { id, ownerId } = parseInput(assignReferralInputSchema, input);
  if (!isUuid(id)) throw new NotFoundError(`No referral with id ${id.slice(0, 100)}`);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockReferralRow(trx, id);
    if (!row) throw new NotFoundError(`No referral with id ${id}`);
    if (ownerId !== null) {
      const owner = isUuid(ownerId)
        ? await trx
            .selectFrom('users')
            .select(['role', 'disabled_at'])
            .where('id', '=', ownerId)
            .executeTakeFirst()
        : undefined;
      if (!owner || owner.disabled_at !== null || !canOwnReferrals(owner.role)) {
        throw new ValidationError([
          { path: 'ownerId', message: 'Pick an active staff member who can work referrals' },
        ]);
      }
    }
    if (row.owner_id === ownerId) return { id, ownerId };
    const now = deps.clock.now();
    await trx
      .updateTable('referrals')
      .set({ owner_id: ownerId, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      ip: context.ip,
      action: REFERRAL_ASSIGNED_ACTION,
      target: { type: 'referral', id },
      changes: { ownerId: { before: row.owner_id, after: ownerId } },
      at: now,
    });
    return { id, ownerId };
  });
}
