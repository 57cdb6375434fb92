import type { PortalEnrolmentRequestRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function insertEnrolmentRequestRow(
  executor: Executor,
  row: {
    id: string;
    track_id: string;
    email: string;
    name: string;
    company_name: string | null;
    token_hash: string;
    created_at: Date;
    expires_at: Date;
  },
): Promise<void> {
  await executor.insertInto('portal_enrolment_requests').values(row).execute();
}

/**
 * Marks the request used if it is unused and unexpired, in one statement: of two concurrent uses, exactly one gets
 * the row back.
 */
export async function consumeEnrolmentRequestRow(
  executor: Executor,
  tokenHash: string,
  now: Date,
): Promise<PortalEnrolmentRequestRow | undefined> {
  return executor
    .updateTable('portal_enrolment_requests')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** The unused, unexpired request with this token hash, if any. Reads only: the token stays usable. */
export async function findUsableEnrolmentRequestRow(
  executor: Executor,
  tokenHash: string,
  now: Date,
): Promise<PortalEnrolmentRequestRow | undefined> {
  return executor
    .selectFrom('portal_enrolment_requests')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}
