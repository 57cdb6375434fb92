import type { SessionsTable } from '@warmpath/db';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../common/executor.js';
import type { SessionSubject } from './session.schema.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSessionRow(
  executor: Executor,
  row: Insertable<SessionsTable>,
): Promise<SessionRow> {
  return executor.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSessionRow(executor: Executor, id: string): Promise<SessionRow | undefined> {
  return executor.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves the activity mark forward only: a slower concurrent request cannot set it back. */
export async function touchSessionRow(
  executor: Executor,
  id: string,
  activity: { lastActiveAt: Date; expiresAt: Date },
): Promise<void> {
  await executor
    .updateTable('sessions')
    .set({ last_active_at: activity.lastActiveAt, expires_at: activity.expiresAt })
    .where('id', '=', id)
    .where('last_active_at', '<', activity.lastActiveAt)
    .execute();
}

export async function deleteSessionRow(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of `subject`, except `keepSessionId` when given (the one the caller is using). */
export async function deleteSessionRowsOf(
  executor: Executor,
  subject: SessionSubject,
  keepSessionId?: string,
): Promise<number> {
  let query = executor
    .deleteFrom('sessions')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionRowsExpiredAt(
  executor: Executor,
  limits: { now: Date; createdBefore: Date; lastActiveBefore: Date },
): Promise<number> {
  const result = await executor
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', limits.now),
        eb('created_at', '<=', limits.createdBefore),
        eb('last_active_at', '<=', limits.lastActiveBefore),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
