import { type Database, json, type Kysely, newId, sql, type Transaction } from '@warmpath/db';
import { JobPayloadValidationError } from '../errors.js';

/** A side effect to run once the surrounding transaction commits. */
export interface OutboxEntry {
  /** The job the dispatcher enqueues. */
  jobName: string;
  /** The job's payload (JSON); validated against the job's schema when dispatched. */
  payload: unknown;
  /** Deduplicates the job (a natural key such as `reward:<id>:issue`); defaults to the outbox row id. */
  idempotencyKey?: string;
  /** Not dispatched before this time (delayed side effects). Defaults to now. */
  availableAt?: Date;
}

/**
 * Records a side effect in the outbox. Call it with the transaction of the domain change
 * (docs/architecture.md "The outbox flow"): the row commits or rolls back with the change, and the dispatcher
 * enqueues it once committed, even if Redis was down. Returns the outbox row id.
 */
export async function writeOutbox(
  db: Kysely<Database> | Transaction<Database>,
  entry: OutboxEntry,
): Promise<string> {
  if (entry.payload === undefined) {
    throw new JobPayloadValidationError(entry.jobName, [
      { path: [], message: 'A payload is required (use {} for none)' },
    ]);
  }
  const id = newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      job_name: entry.jobName,
      payload: json(entry.payload),
      idempotency_key: entry.idempotencyKey ?? null,
      available_at: entry.availableAt ?? sql<Date>`now()`,
    })
    .execute();
  return id;
}
