import { type Kysely, sql } from 'kysely';

/**
 * Portal sign-in beyond one-time login links: magic links (a `purpose` on the login tokens, so a token made for one
 * route cannot be used on the other), participant passwords (argon2id hashes), self-enrolment requests awaiting
 * email verification (token hash only), and the client submission ids that make a portal referral submit
 * idempotent.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('participant_login_tokens')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('login_link'))
    .execute();
  await db.schema.alterTable('participants').addColumn('password_hash', 'text').execute();

  await db.schema
    .createTable('portal_enrolment_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('track_id', 'uuid', (c) => c.notNull().references('tracks.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('portal_submissions')
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull())
    .addColumn('referral_id', 'uuid', (c) => c.references('referrals.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('portal_submissions_pk', ['participant_id', 'submission_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_submissions').ifExists().execute();
  await db.schema.dropTable('portal_enrolment_requests').ifExists().execute();
  await db.schema.alterTable('participants').dropColumn('password_hash').execute();
  await db.schema.alterTable('participant_login_tokens').dropColumn('purpose').execute();
}
