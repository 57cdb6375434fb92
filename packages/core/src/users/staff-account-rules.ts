import { assignableRoles } from '../access/permissions.js';
import type { Executor } from '../common/executor.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { lockEnabledUserIdsWithRole } from './user.repository.js';
import type { StaffRole } from './user.schema.js';

/** The staff member changing someone's account in the console. */
export interface StaffActor {
  id: string;
  role: StaffRole;
}

/**
 * Who may change whose account: nobody their own (role or status: an admin cannot lock themselves out or promote
 * themselves), and only accounts whose current role the actor may give (admins cannot touch owners).
 */
export function assertMayManage(actor: StaffActor, target: { id: string; role: StaffRole }): void {
  if (actor.id === target.id) throw new ForbiddenError('You cannot change your own role or status');
  if (!assignableRoles(actor.role).includes(target.role)) {
    throw new ForbiddenError(`Your role cannot manage ${target.role} accounts`);
  }
}

/** The actor may give `role` (admins cannot make owners). */
export function assertMayGive(actor: StaffActor, role: StaffRole): void {
  if (!assignableRoles(actor.role).includes(role))
    throw new ForbiddenError(`Your role cannot give the ${role} role`);
}

/**
 * An enabled owner about to lose the role or be disabled must not be the last one: an installation must keep
 * someone who can manage it. Locks the owners' rows so two concurrent demotions cannot both pass.
 */
export async function assertAnotherOwnerRemains(
  executor: Executor,
  target: { role: StaffRole; disabled_at: Date | null },
): Promise<void> {
  if (target.role !== 'owner' || target.disabled_at !== null) return;
  const owners = await lockEnabledUserIdsWithRole(executor, 'owner');
  if (owners.length <= 1) throw new ConflictError('The last owner cannot be demoted or disabled');
}
