import { type Kysely, sql } from 'kysely';

/**
 * Clicks are the one high-volume table, written in batches by the redirect (`pnpm bench` loads it at tens of
 * thousands of rows a second). The b-tree on (ip_hash, occurred_at), which only the click-flood fraud signal reads,
 * cost Postgres about as much per inserted row as the rest of the row; it becomes a BRIN index on occurred_at, which
 * costs almost nothing to maintain because clicks arrive in time order. The click-flood count ("clicks from this IP
 * hash in the last hour") now reads the last hour's pages through it and filters by hash: a referral submission
 * pays that scan, a redirect no longer pays an index entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clicks_ip_hash_idx').execute();
  await sql`create index clicks_occurred_at_brin on clicks using brin (occurred_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('clicks_occurred_at_brin').execute();
  await db.schema
    .createIndex('clicks_ip_hash_idx')
    .on('clicks')
    .columns(['ip_hash', 'occurred_at'])
    .execute();
}
