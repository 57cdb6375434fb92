import { sql } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/** When the email's lock-out ends, if it is locked out at `now`. */
export async function findLockedUntil(
  executor: Executor,
  email: string,
  now: Date,
): Promise<Date | undefined> {
  const row = await executor
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('email', '=', email)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/**
 * Counts one more failure for the email in one statement (concurrent failures on several pods all count); a count
 * whose first failure is older than the window starts again at 1. Returns the count.
 */
export async function countSignInFailure(
  executor: Executor,
  email: string,
  now: Date,
  windowStart: Date,
): Promise<number> {
  const isStale = sql<boolean>`sign_in_failures.first_failure_at <= ${windowStart}`;
  const row = await executor
    .insertInto('sign_in_failures')
    .values({ email, failure_count: 1, first_failure_at: now, locked_until: null })
    .onConflict((conflict) =>
      conflict.column('email').doUpdateSet({
        failure_count: sql<number>`case when ${isStale} then 1 else sign_in_failures.failure_count + 1 end`,
        first_failure_at: sql<Date>`case when ${isStale} then ${now} else sign_in_failures.first_failure_at end`,
      }),
    )
    .returning('failure_count')
    .executeTakeFirstOrThrow();
  return row.failure_count;
}

/** Locks the email out until `until`; the count starts again afterwards. */
export async function lockOut(executor: Executor, email: string, now: Date, until: Date): Promise<void> {
  await executor
    .updateTable('sign_in_failures')
    .set({ locked_until: until, failure_count: 0, first_failure_at: now })
    .where('email', '=', email)
    .execute();
}

/** Forgets the failures of an email (a successful sign-in or a password reset). */
export async function clearSignInFailures(executor: Executor, email: string): Promise<void> {
  await executor.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
