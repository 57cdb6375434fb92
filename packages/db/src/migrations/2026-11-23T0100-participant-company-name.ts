import { type Kysely, sql } from 'kysely';

/**
 * The company a participant says they work for, in their own words. Self-enrolment asks for a company name only,
 * and the directory's companies are keyed by domain, so the name has nowhere else to go: it lives on the
 * participant. Participants who already self-enrolled get back the name their used enrolment request still holds.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants').addColumn('company_name', 'text').execute();
  await sql`
    update participants set company_name = (
      select r.company_name from portal_enrolment_requests r
      join people on people.email = r.email
      where people.id = participants.person_id and r.used_at is not null and r.company_name is not null
      order by r.used_at
      limit 1
    )
    where company_name is null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants').dropColumn('company_name').execute();
}
