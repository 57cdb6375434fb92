import type { StaffRole, UserRow, UsersTable } from '@warmpath/db';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../common/executor.js';

export async function findUserRowByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
  return executor.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserRowById(executor: Executor, id: string): Promise<UserRow | undefined> {
  return executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row until the transaction ends, so concurrent changes to one account serialise. */
export async function lockUserRowById(executor: Executor, id: string): Promise<UserRow | undefined> {
  return executor.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockUserRowByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
  return executor.selectFrom('users').selectAll().where('email', '=', email).forUpdate().executeTakeFirst();
}

export async function insertUserRow(executor: Executor, row: Insertable<UsersTable>): Promise<UserRow> {
  return executor.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUserRow(
  executor: Executor,
  id: string,
  changes: Updateable<UsersTable>,
): Promise<UserRow> {
  return executor
    .updateTable('users')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectUserRows(executor: Executor): Promise<UserRow[]> {
  return executor.selectFrom('users').selectAll().orderBy('email').execute();
}

/** Ids of the enabled accounts with this role, locked so two demotions cannot both pass a "last owner" check. */
export async function lockEnabledUserIdsWithRole(executor: Executor, role: StaffRole): Promise<string[]> {
  const rows = await executor
    .selectFrom('users')
    .select('id')
    .where('role', '=', role)
    .where('disabled_at', 'is', null)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}
