import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { migrateDown, migrateToLatest, migrationStatus } from '../migrator.js';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../testing/index.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the company-name migrations on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it("backfill referrals from their company's name and self-enrolled participants from their request", async () => {
    const db = database.db;
    // Back to the schema before participants and referrals had a company name (later migrations undone first).
    const isApplied = async (name: string) =>
      (await migrationStatus(db)).some((migration) => migration.name === name && migration.executedAt);
    while (await isApplied('2026-11-23T0100-participant-company-name')) await migrateDown(db);
    const [companyId, personId, participantId, trackId, referralId] = [
      newId(),
      newId(),
      newId(),
      newId(),
      newId(),
    ];
    await sql`insert into companies (id, name, domain) values (${companyId}, 'Globex Bank', 'globex.example')`.execute(
      db,
    );
    await sql`insert into people (id, email, name) values (${personId}, 'ann@navy.example', 'Ann')`.execute(
      db,
    );
    await sql`insert into participants (id, person_id) values (${participantId}, ${personId})`.execute(db);
    await sql`insert into tracks (id, slug, name, kind, landing_url, form)
      values (${trackId}, 'clients', 'Clients', 'client', 'https://example.com/', '{}'::jsonb)`.execute(db);
    await sql`insert into referrals (id, track_id, participant_id, company_id, status)
      values (${referralId}, ${trackId}, ${participantId}, ${companyId}, 'submitted')`.execute(db);
    await sql`insert into portal_enrolment_requests (id, track_id, email, name, company_name, token_hash, expires_at, used_at)
      values (${newId()}, ${trackId}, 'ann@navy.example', 'Ann', 'Navy', 'hash', now(), now())`.execute(db);

    await migrateToLatest(db);
    const referral = await db
      .selectFrom('referrals')
      .select('company_name')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(referral.company_name).toBe('Globex Bank');
    const participant = await db
      .selectFrom('participants')
      .select('company_name')
      .where('id', '=', participantId)
      .executeTakeFirstOrThrow();
    expect(participant.company_name).toBe('Navy');
  });
});
