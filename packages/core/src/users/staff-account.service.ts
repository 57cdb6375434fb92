import type { UserRow } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { NotFoundError, parseInput } from '../errors.js';
import { deleteSessionRowsOf } from '../sessions/session.repository.js';
import {
  assertAnotherOwnerRemains,
  assertMayGive,
  assertMayManage,
  type StaffActor,
} from './staff-account-rules.js';
import { lockUserRowById, updateUserRow } from './user.repository.js';
import { type StaffRole, staffRoleSchema, type User } from './user.schema.js';
import { auditSnapshot, toUser } from './user-record.js';

/** Audit actions written by {@link StaffAccountService}. */
export const STAFF_ACCOUNT_AUDIT_ACTIONS = {
  roleChanged: 'user.role_changed',
  disabled: 'user.disabled',
  enabled: 'user.enabled',
} as const;

/** Dependencies of {@link StaffAccountService}. */
export interface StaffAccountServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
}

/**
 * What one staff member does to another's account in the console: change the role, disable, enable. Each checks
 * the rules of `staff-account-rules.ts` and is audited in the transaction that makes the change.
 */
export class StaffAccountService {
  readonly #db: Executor;
  readonly #clock: Clock;

  constructor(deps: StaffAccountServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
  }

  /** Gives another account a role the actor may give; the last owner keeps theirs. */
  async changeRole(
    targetId: string,
    role: StaffRole,
    actor: StaffActor,
    context: AuditContext,
  ): Promise<User> {
    const newRole = parseInput(staffRoleSchema, role);
    return this.#change(targetId, actor, context, async (trx, current) => {
      assertMayGive(actor, newRole);
      if (current.role === newRole) return null;
      await assertAnotherOwnerRemains(trx, current);
      return { action: STAFF_ACCOUNT_AUDIT_ACTIONS.roleChanged, changes: { role: newRole } };
    });
  }

  /** Disables an account: it cannot sign in, and every session it has ends now. The last owner stays enabled. */
  async disable(targetId: string, actor: StaffActor, context: AuditContext): Promise<User> {
    return this.#change(targetId, actor, context, async (trx, current) => {
      if (current.disabled_at !== null) return null;
      await assertAnotherOwnerRemains(trx, current);
      await deleteSessionRowsOf(trx, { type: 'user', id: current.id });
      return { action: STAFF_ACCOUNT_AUDIT_ACTIONS.disabled, changes: { disabled_at: this.#clock.now() } };
    });
  }

  /** Enables a disabled account again. */
  async enable(targetId: string, actor: StaffActor, context: AuditContext): Promise<User> {
    return this.#change(targetId, actor, context, async (_trx, current) => {
      if (current.disabled_at === null) return null;
      return { action: STAFF_ACCOUNT_AUDIT_ACTIONS.enabled, changes: { disabled_at: null } };
    });
  }

  /** Locks the target, checks who may manage it, applies what `decide` returns (null: nothing to do) with its audit entry. */
  async #change(
    targetId: string,
    actor: StaffActor,
    context: AuditContext,
    decide: (
      trx: Executor,
      current: UserRow,
    ) => Promise<{ action: string; changes: { role?: StaffRole; disabled_at?: Date | null } } | null>,
  ): Promise<User> {
    if (!isUuid(targetId)) throw userNotFound(targetId);
    return this.#db.transaction().execute(async (trx) => {
      const current = await lockUserRowById(trx, targetId);
      if (!current) throw userNotFound(targetId);
      assertMayManage(actor, current);
      const decision = await decide(trx, current);
      if (!decision) return toUser(current);
      const now = this.#clock.now();
      const row = await updateUserRow(trx, targetId, { ...decision.changes, updated_at: now });
      await recordAudit(trx, {
        ...context,
        action: decision.action,
        target: { type: 'user', id: targetId },
        changes: diffChanges(auditSnapshot(current), auditSnapshot(row)),
        at: now,
      });
      return toUser(row);
    });
  }
}

function userNotFound(id: string): NotFoundError {
  return new NotFoundError(`No user with id ${id}`);
}
