import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { ReferralService } from './referral.service.js';
import {
  createFakeFraudEvaluator,
  insertStaffUser,
  type SeededParticipant,
  seedEnrolledParticipant,
  setTrackSettings,
} from './referral-test-kit.js';
import { matchingRoutingRules } from './routing.js';

describe('routing rules', () => {
  const rules = [
    { field: 'region', equals: 'EMEA', ownerId: 'emea' },
    { field: 'products', equals: 'ERP', ownerId: 'erp' },
    { field: 'seats', equals: 500, ownerId: 'big' },
  ];
  it.each([
    [{ region: 'EMEA' }, ['emea']],
    [{ region: 'emea' }, []],
    [{ products: ['CRM', 'ERP'] }, ['erp']],
    [{ seats: 500, region: 'EMEA' }, ['emea', 'big']],
    [{ seats: '500' }, ['big']],
    [{}, []],
  ])('answers %j match %j, in rule order', (answers, owners) => {
    expect(matchingRoutingRules(rules, answers).map((rule) => rule.ownerId)).toEqual(owners);
  });
});

const kinds = await testDatabaseKinds();

describe.each(kinds)('owner routing on %s', (kind) => {
  let database: TestDatabase;
  let referrals: ReferralService;
  let trackId: string;
  let referrer: SeededParticipant;
  const users: Record<string, string> = {};
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const clock = createFakeClock('2026-06-01T00:00:00.000Z');
    referrals = new ReferralService({ db: database.db, clock, fraud: createFakeFraudEvaluator() });
    const track = await new TrackService({ db: database.db, clock }).create({
      slug: 'routed',
      name: 'Routed',
      kind: 'client',
      landingUrl: 'https://example.com/',
      form: {
        fields: [{ key: 'region', label: 'Region', type: 'select', options: ['EMEA', 'AMER', 'APAC'] }],
      },
    });
    trackId = track.id;
    referrer = await seedEnrolledParticipant(database.db, {
      email: 'ref@partner.example',
      trackIds: [trackId],
    });
    const staff = [
      ['emeaLead', 'manager'],
      ['salesA', 'sales'],
      ['salesB', 'sales'],
      ['finance', 'finance'],
      ['gone', 'sales'],
    ] as const;
    for (const [index, [name, role]] of staff.entries()) {
      users[name] = await insertStaffUser(database.db, {
        email: `${name}@vendor.example`,
        role,
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        disabled: name === 'gone',
      });
    }
  });
  afterAll(() => database?.close());

  async function ownerFor(region?: string) {
    sequence += 1;
    const referral = await referrals.submit({
      track: 'routed',
      participantId: referrer.participantId,
      company: { name: `Co ${sequence}`, domain: `co${sequence}.example` },
      contacts: [{ name: 'Pat', email: `pat${sequence}@co.example` }],
      answers: region ? { region } : {},
    });
    return referral.ownerId;
  }

  it('round-robins over every enabled sales and manager account when the track sets no routing', async () => {
    const owners = [await ownerFor(), await ownerFor(), await ownerFor(), await ownerFor()];
    expect(owners).toEqual([users.emeaLead, users.salesA, users.salesB, users.emeaLead]);
  });

  it('gives a referral to the first matching rule’s owner, and the rest to the pool in turn', async () => {
    await setTrackSettings(database.db, trackId, {
      routing: {
        rules: [
          { field: 'region', equals: 'APAC', ownerId: users.gone ?? '' },
          { field: 'region', equals: 'APAC', ownerId: users.salesB ?? '' },
          { field: 'region', equals: 'EMEA', ownerId: users.emeaLead ?? '' },
        ],
        fallback: 'round_robin',
        pool: [users.salesA ?? '', users.gone ?? '', users.finance ?? '', 'not-a-user-id'],
      },
    });
    // The disabled owner of the first APAC rule is skipped; a pool keeps its own order, enabled accounts only.
    expect(await ownerFor('EMEA')).toBe(users.emeaLead);
    expect(await ownerFor('APAC')).toBe(users.salesB);
    const pooled = [await ownerFor('AMER'), await ownerFor(), await ownerFor('AMER')];
    expect(new Set(pooled)).toEqual(new Set([users.salesA, users.finance]));
    expect(pooled[0]).not.toBe(pooled[1]);
    expect(pooled[1]).not.toBe(pooled[2]);
  });

  it('leaves unmatched referrals unassigned when the fallback is none', async () => {
    await setTrackSettings(database.db, trackId, {
      routing: {
        rules: [{ field: 'region', equals: 'EMEA', ownerId: users.emeaLead ?? '' }],
        fallback: 'none',
      },
    });
    expect(await ownerFor('AMER')).toBeNull();
    expect(await ownerFor('EMEA')).toBe(users.emeaLead);
  });

  it('ignores malformed routing settings rather than refusing referrals', async () => {
    await setTrackSettings(database.db, trackId, { routing: { rules: 'everything to Bob' } });
    expect(await ownerFor('EMEA')).toEqual(expect.any(String));
  });
});
