import { type Kysely, sql } from 'kysely';

/**
 * The company name each referral was submitted with. Companies are one per domain and keep the first spelling, so
 * a referral that showed its company's name showed a referrer a name someone else typed ("Globex Bank" for their
 * "Globex Corporation"). Existing referrals take their company's current name: the best that is known of them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referrals').addColumn('company_name', 'text').execute();
  await sql`update referrals set company_name = companies.name from companies where companies.id = referrals.company_id`.execute(
    db,
  );
  await db.schema
    .alterTable('referrals')
    .alterColumn('company_name', (c) => c.setNotNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referrals').dropColumn('company_name').execute();
}
