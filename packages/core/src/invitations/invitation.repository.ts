import type { StaffInvitationRow, StaffInvitationsTable } from '@warmpath/db';
import type { Insertable } from 'kysely';
import type { Executor } from '../common/executor.js';

export async function insertInvitationRow(
  executor: Executor,
  row: Insertable<StaffInvitationsTable>,
): Promise<StaffInvitationRow> {
  return executor.insertInto('staff_invitations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findInvitationRowByHash(
  executor: Executor,
  tokenHash: string,
): Promise<StaffInvitationRow | undefined> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Locks the invitation until the transaction ends: of two concurrent acceptances, the second sees it used. */
export async function lockInvitationRowByHash(
  executor: Executor,
  tokenHash: string,
): Promise<StaffInvitationRow | undefined> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockInvitationRowById(
  executor: Executor,
  id: string,
): Promise<StaffInvitationRow | undefined> {
  return executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Invitations neither accepted, revoked nor expired at `now`, optionally for one email; newest first. */
export async function selectPendingInvitationRows(
  executor: Executor,
  now: Date,
  email?: string,
): Promise<StaffInvitationRow[]> {
  let query = executor
    .selectFrom('staff_invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  if (email !== undefined) query = query.where('email', '=', email);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function markInvitationRow(
  executor: Executor,
  id: string,
  changes: { accepted_at?: Date; revoked_at?: Date },
): Promise<StaffInvitationRow> {
  return executor
    .updateTable('staff_invitations')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
