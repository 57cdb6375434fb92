import { type Kysely, sql } from 'kysely';

/**
 * One-time portal login links for participants (docs/api.md "Participants": `POST
 * /participants/{id}/login-links`). Only the SHA-256 of a token is stored, so a leaked table cannot sign
 * anyone in; `used_at` makes a link single-use.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participant_login_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('participant_login_tokens_participant_idx')
    .on('participant_login_tokens')
    .column('participant_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participant_login_tokens').ifExists().execute();
}
