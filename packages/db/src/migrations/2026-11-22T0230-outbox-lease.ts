import type { Kysely } from 'kysely';

/**
 * With a job queue that does not survive restarts (in-process), an outbox row stays pending until its job has
 * completed; while the job runs the row is leased, so the dispatcher does not hand it out again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('lease_expires_at', 'timestamptz').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('lease_expires_at').execute();
}
