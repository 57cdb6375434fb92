import { type EventsTable, type JsonValue, json } from '@warmpath/db';
import type { Insertable } from 'kysely';
import type { Executor } from '../common/executor.js';

/** A new `events` row; `properties` as a plain object (this file writes it as jsonb). */
export type NewEventRow = Omit<Insertable<EventsTable>, 'properties'> & {
  properties: Record<string, JsonValue>;
};

/** Which of these sender ids are already stored. */
export async function selectKnownExternalIds(
  executor: Executor,
  externalIds: string[],
): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await executor
    .selectFrom('events')
    .select('external_id')
    .where('external_id', 'in', externalIds)
    .execute();
  return new Set(rows.map((row) => row.external_id));
}

/**
 * Inserts the rows whose `external_id` is new and returns how many were inserted. A concurrent request that
 * stored the same id first makes this insert skip it (the unique key decides), so it counts as a duplicate.
 */
export async function insertNewEventRows(executor: Executor, rows: NewEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await executor
    .insertInto('events')
    .values(rows.map((row) => ({ ...row, properties: json(row.properties) })))
    .onConflict((oc) => oc.column('external_id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
