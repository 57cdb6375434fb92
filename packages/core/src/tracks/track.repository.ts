import type { NewTrackRow, TrackRow, TrackUpdate } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function insertTrackRow(executor: Executor, row: NewTrackRow): Promise<TrackRow> {
  return executor.insertInto('tracks').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findTrackRowBySlug(executor: Executor, slug: string): Promise<TrackRow | undefined> {
  return executor.selectFrom('tracks').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function lockTrackRowBySlug(executor: Executor, slug: string): Promise<TrackRow | undefined> {
  return executor.selectFrom('tracks').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
}

export async function updateTrackRow(
  executor: Executor,
  id: string,
  changes: TrackUpdate,
): Promise<TrackRow> {
  return executor
    .updateTable('tracks')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Oldest first, so the list reads in the order the program was built. */
export async function selectTrackRows(executor: Executor): Promise<TrackRow[]> {
  return executor.selectFrom('tracks').selectAll().orderBy('created_at').orderBy('id').execute();
}
