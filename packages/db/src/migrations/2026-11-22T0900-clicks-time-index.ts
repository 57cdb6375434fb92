import { type Kysely, sql } from 'kysely';

/**
 * Clicks are the one high-volume table, written in batches by the redirect (`pnpm bench` loads it at tens of
 * thousands of rows a second), and every index costs Postgres about a microsecond per inserted row. Two of its three
 * b-trees go:
 * - (ip_hash, occurred_at), read only by the click-flood fraud signal, becomes a BRIN index on occurred_at, almost
 *   free to maintain because clicks arrive in time order. "Clicks from this IP hash in the last hour" reads the last
 *   hour's pages through it and filters by hash: a referral submission pays that scan, a redirect no longer pays an
 *   index entry.
 * - The primary key on id and the (enrollment_id, occurred_at) index merge into one primary key
 *   (enrollment_id, occurred_at, id): every read of clicks starts from an enrolment (counts, crediting, the landing
 *   click), and nothing references a click by its id alone (`referrals.landing_click_id` is kept for the record).
 *   Ids stay UUIDv7s, unique by construction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clicks_ip_hash_idx').execute();
  await sql`create index clicks_occurred_at_brin on clicks using brin (occurred_at)`.execute(db);
  await sql`alter table clicks drop constraint clicks_pkey`.execute(db);
  await db.schema.dropIndex('clicks_enrollment_idx').execute();
  await sql`alter table clicks add constraint clicks_pkey primary key (enrollment_id, occurred_at, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table clicks drop constraint clicks_pkey`.execute(db);
  await sql`alter table clicks add constraint clicks_pkey primary key (id)`.execute(db);
  await db.schema
    .createIndex('clicks_enrollment_idx')
    .on('clicks')
    .columns(['enrollment_id', 'occurred_at'])
    .execute();
  await db.schema.dropIndex('clicks_occurred_at_brin').execute();
  await db.schema
    .createIndex('clicks_ip_hash_idx')
    .on('clicks')
    .columns(['ip_hash', 'occurred_at'])
    .execute();
}
