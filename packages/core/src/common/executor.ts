import type { Database, Kysely } from '@warmpath/db';

/**
 * What repositories and `recordAudit` run on: the database or an open transaction (a Kysely `Transaction` is a
 * `Kysely`), so a write can join the caller's transaction.
 */
export type Executor = Kysely<Database>;

/** True when a write failed on a unique constraint (SQLSTATE 23505; pg and PGlite both expose `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
