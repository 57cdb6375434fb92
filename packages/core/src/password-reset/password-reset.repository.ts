import type { PasswordResetTokenRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function insertPasswordResetRow(
  executor: Executor,
  row: { id: string; user_id: string; token_hash: string; created_at: Date; expires_at: Date },
): Promise<void> {
  await executor.insertInto('password_reset_tokens').values(row).execute();
}

/** The unused, unexpired token with this hash whose account is enabled, if any. */
export async function findUsableResetRow(
  executor: Executor,
  tokenHash: string,
  now: Date,
): Promise<PasswordResetTokenRow | undefined> {
  return executor
    .selectFrom('password_reset_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('disabled_at', 'is', null))
    .executeTakeFirst();
}

/**
 * Marks the token used if it still is usable, in one statement: of two concurrent uses exactly one gets the user id
 * back.
 */
export async function consumeResetRow(
  executor: Executor,
  id: string,
  now: Date,
): Promise<string | undefined> {
  const row = await executor
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Every other reset link of the account stops working once one was used. */
export async function deleteResetRowsOf(executor: Executor, userId: string): Promise<void> {
  await executor.deleteFrom('password_reset_tokens').where('user_id', '=', userId).execute();
}
