import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClickToRecord, findLinkTarget, insertClicks } from './link-target.js';
import { recordTrackedConversion, trackedConversionExternalId } from './tracked-conversion.js';
import { trackedConversionInputSchema } from './tracked-conversion.schema.js';

const kinds = await testDatabaseKinds();

async function seedEnrollment(
  database: TestDatabase,
  options: { code: string; trackStatus?: 'active' | 'paused' | 'archived'; disabled?: boolean },
) {
  const db = database.db;
  const trackId = newId();
  const personId = newId();
  const participantId = newId();
  const enrollmentId = newId();
  await db
    .insertInto('tracks')
    .values({
      id: trackId,
      slug: `t-${options.code.toLowerCase()}`,
      name: 'Partners',
      kind: 'partner',
      status: options.trackStatus ?? 'active',
      landing_url: 'https://example.com/welcome',
      allowed_destinations: JSON.stringify(['https://example.com/pricing']),
      attribution_window_days: 30,
      form: JSON.stringify({ fields: [] }),
      settings: '{}',
      updated_at: new Date(),
    })
    .execute();
  await db
    .insertInto('people')
    .values({
      id: personId,
      email: `${options.code.toLowerCase()}@example.org`,
      name: 'Ref',
      updated_at: new Date(),
    })
    .execute();
  await db
    .insertInto('participants')
    .values({
      id: participantId,
      person_id: personId,
      status: options.disabled ? 'disabled' : 'active',
      updated_at: new Date(),
    })
    .execute();
  await db
    .insertInto('enrollments')
    .values({ id: enrollmentId, participant_id: participantId, track_id: trackId, code: options.code })
    .execute();
  return { trackId, personId, participantId, enrollmentId };
}

describe.each(kinds)('link targets, clicks and tracked conversions on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('finds what a link code redirects to, and says when it no longer works', async () => {
    const seeded = await seedEnrollment(database, { code: 'LiveCode1' });
    await seedEnrollment(database, { code: 'Paused1', trackStatus: 'paused' });
    await seedEnrollment(database, { code: 'Archived1', trackStatus: 'archived' });
    await seedEnrollment(database, { code: 'Disabled1', disabled: true });

    expect(await findLinkTarget(database.db, 'LiveCode1')).toEqual({
      code: 'LiveCode1',
      enrollmentId: seeded.enrollmentId,
      participantId: seeded.participantId,
      trackId: seeded.trackId,
      landingUrl: 'https://example.com/welcome',
      allowedDestinations: ['https://example.com/pricing'],
      attributionWindowDays: 30,
      isActive: true,
    });
    expect(await findLinkTarget(database.db, 'livecode1')).toBeUndefined();
    expect(await findLinkTarget(database.db, 'nope')).toBeUndefined();
    for (const code of ['Paused1', 'Archived1', 'Disabled1']) {
      expect((await findLinkTarget(database.db, code))?.isActive).toBe(false);
    }
  });

  it('writes a batch of clicks in one go, dropping NUL characters Postgres would refuse', async () => {
    const seeded = await seedEnrollment(database, { code: 'Batch1' });
    const clicks = Array.from(
      { length: 300 },
      (_, index): ClickToRecord => ({
        id: newId(),
        enrollmentId: seeded.enrollmentId,
        trackId: seeded.trackId,
        participantId: seeded.participantId,
        occurredAt: new Date('2026-06-01T00:00:00Z'),
        ipHash: 'hash',
        userAgent: index === 0 ? 'Mozilla\u0000/5.0' : 'Mozilla/5.0 "quoted", {braces} \\ back\nslash',
        isBot: false,
        destination: 'https://example.com/welcome?wp_ref=Batch1',
        query: index === 0 ? { 'g\u0000clid': 'a\u0000b' } : { gclid: String(index) },
      }),
    );
    await insertClicks(database, clicks);
    await insertClicks(database, []);
    const rows = await database.db
      .selectFrom('clicks')
      .selectAll()
      .where('enrollment_id', '=', seeded.enrollmentId)
      .execute();
    expect(rows).toHaveLength(300);
    const first = rows.find((row) => row.id === clicks[0]?.id);
    expect(first).toMatchObject({ user_agent: 'Mozilla/5.0', query: { gclid: 'ab' }, is_bot: false });
    const second = rows.find((row) => row.id === clicks[1]?.id);
    expect(second).toMatchObject({
      user_agent: 'Mozilla/5.0 "quoted", {braces} \\ back\nslash',
      query: { gclid: '1' },
      occurred_at: new Date('2026-06-01T00:00:00Z'),
      ip_hash: 'hash',
      destination: 'https://example.com/welcome?wp_ref=Batch1',
    });
  });

  it('records a tracked conversion once per browser id, linked to a known person', async () => {
    const seeded = await seedEnrollment(database, { code: 'Conv1' });
    await database.db
      .insertInto('people')
      .values({ id: newId(), email: 'lead@buyer.example', name: 'Lead', updated_at: new Date() })
      .execute();
    const link = await findLinkTarget(database.db, 'Conv1');
    if (!link) throw new Error('seeded link missing');
    const input = trackedConversionInputSchema.parse({
      id: 'browser-id-0001',
      ref: 'Conv1',
      email: ' Lead@Buyer.example ',
      company: 'Buyer Inc',
      properties: { plan: 'pro', ref: 'spoofed' },
    });
    const now = new Date('2026-06-02T10:00:00Z');
    expect(await recordTrackedConversion(database.db, { input, link, now })).toEqual({ isDuplicate: false });
    expect(await recordTrackedConversion(database.db, { input, link, now })).toEqual({ isDuplicate: true });

    const rows = await database.db
      .selectFrom('events')
      .leftJoin('people', 'people.id', 'events.person_id')
      .select(['events.type', 'events.source', 'events.properties', 'events.occurred_at', 'people.email'])
      .where('external_id', '=', trackedConversionExternalId('browser-id-0001'))
      .execute();
    expect(rows).toEqual([
      {
        type: 'conversion',
        source: 'tracking-script',
        occurred_at: now,
        email: 'lead@buyer.example',
        properties: {
          plan: 'pro',
          ref: 'Conv1',
          enrollmentId: seeded.enrollmentId,
          participantId: seeded.participantId,
          trackId: seeded.trackId,
          email: 'lead@buyer.example',
          company: 'Buyer Inc',
        },
      },
    ]);
  });
});

describe('tracked conversion input', () => {
  it('rejects unknown fields and malformed values, naming each', () => {
    const result = trackedConversionInputSchema.safeParse({
      id: 'short',
      ref: 'not a code!',
      email: 'nope',
      type: 'Has Spaces',
      extra: true,
      properties: { nested: { a: 1 } },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['', 'email', 'id', 'properties.nested', 'ref', 'type']);
  });
});
