import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import type { FraudEvaluator } from '../referrals/fraud.js';
import { REFERRAL_STATUSES } from '../referrals/referral.schema.js';
import { ReferralService } from '../referrals/referral.service.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { DEMO_SEEDED_ACTION, hasDemoData } from './demo.repository.js';
import { seedDemo } from './seed-demo.js';
import { DEMO_NOTE_PREFIX } from './seed-demo-activity.js';

const kinds = await testDatabaseKinds();
const NOW = '2026-12-07T15:00:00.000Z';
const DAY_MS = 86_400_000;

// Stands in for the fraud plugin here (the server suite runs the real rules): holds referrals naming a free-mail
// address, as its contact e-mail rule does.
const freeMailRule: FraudEvaluator = {
  evaluate: (context) =>
    context.contacts.some((contact) => contact.email.endsWith('@gmail.com'))
      ? [
          {
            rule: 'fraud:test:default:free-mail',
            score: 40,
            flags: [{ code: 'free_mail', message: 'Free mail', evidence: {} }],
          },
        ]
      : [],
};

async function seedFresh(database: TestDatabase) {
  return seedDemo({
    database,
    clock: createFakeClock(NOW),
    fraud: freeMailRule,
    ipHashSalt: 'demo-test-salt',
    publicUrl: 'http://localhost:3000',
  });
}

async function allReferrals(database: TestDatabase) {
  return (await new ReferralService({ db: database.db, fraud: freeMailRule }).list({ limit: 200 })).data;
}

describe.each(kinds)('the demo on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedFresh>>;
  let elapsedMs: number;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const started = performance.now();
    seeded = await seedFresh(database);
    elapsedMs = performance.now() - started;
  });
  afterAll(() => database?.close());

  it('fills a first start with referrers, referrals in every stage and clicks, quickly', async () => {
    expect(seeded.created).toEqual(['clients', 'partners', 'employees']);
    expect(seeded.activity).toMatchObject({ staff: 3, participants: 11, referrals: 24 });
    const referrals = await allReferrals(database);
    expect(new Set(referrals.map((referral) => referral.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(referrals.filter((referral) => referral.status === 'in_review')).toEqual([
      expect.objectContaining({ company: expect.objectContaining({ name: 'Verdant Labs' }) }),
    ]);
    // Reported rather than asserted: the suite shares its machine. The target is under 2 s on PGlite.
    console.info(`demo seeded on ${kind} in ${Math.round(elapsedMs)} ms`);
  });

  it('routes the referrals round-robin to the demo sales team', async () => {
    const owners = (await allReferrals(database)).map((referral) => referral.ownerId);
    expect(owners.every((owner) => owner !== null)).toBe(true);
    expect(new Set(owners).size).toBe(3);
  });

  it('gives each referral a buying committee of 2 to 4 people with roles, on .example domains but one', async () => {
    for (const referral of await allReferrals(database)) {
      expect(referral.contacts.length).toBeGreaterThanOrEqual(2);
      expect(referral.contacts.length).toBeLessThanOrEqual(4);
      expect(new Set(referral.contacts.map((contact) => contact.role)).size).toBe(referral.contacts.length);
      expect(referral.company.domain).toMatch(/\.example$/);
      for (const contact of referral.contacts) expect(contact.title).toBeTruthy();
    }
  });

  it('dates every step in the past two months, in order, and marks every referral as demo data', async () => {
    const now = Date.parse(NOW);
    const referrals = await allReferrals(database);
    for (const referral of referrals) {
      const times = referral.history.map((entry) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThan(now - 61 * DAY_MS);
      expect(times.at(-1)).toBeLessThan(now);
      expect(referral.note?.startsWith(DEMO_NOTE_PREFIX)).toBe(true);
    }
    const created = referrals.map((referral) => Date.parse(referral.createdAt));
    expect(Math.min(...created)).toBeLessThan(now - 50 * DAY_MS);
    expect(Math.max(...created)).toBeGreaterThan(now - DAY_MS);
  });

  it('spreads a few hundred clicks over the last 30 days, more on some days than others, bots flagged', async () => {
    const clicks = await database.db.selectFrom('clicks').select(['occurred_at', 'is_bot']).execute();
    expect(clicks.length).toBeGreaterThan(200);
    expect(clicks.length).toBeLessThan(1000);
    const perDay = new Map<string, number>();
    for (const click of clicks) {
      expect(click.occurred_at.getTime()).toBeGreaterThan(Date.parse(NOW) - 31 * DAY_MS);
      const day = click.occurred_at.toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(perDay.size).toBeGreaterThanOrEqual(28);
    expect(Math.max(...perDay.values())).toBeGreaterThan(2 * Math.min(...perDay.values()));
    expect(clicks.some((click) => click.is_bot)).toBe(true);
  });

  it('gives the dashboard something to show over its default 30 days', async () => {
    const summary = await new DashboardService({ db: database.db, clock: createFakeClock(NOW) }).summary();
    const days = summary.buckets;
    expect(days.filter((day) => day.clicks > 0).length).toBeGreaterThanOrEqual(28);
    expect(days.filter((day) => day.referrals > 0).length).toBeGreaterThanOrEqual(8);
    expect(summary.funnel.every((stage) => stage.reached > 0)).toBe(true);
    expect(summary.timeToAccept.accepted).toBeGreaterThan(0);
    expect(summary.tracks.every((track) => track.referrals > 0 && track.clicks > 0)).toBe(true);
  });

  it('leaves an audit log whose newest-first order is also the order things happened', async () => {
    const { data } = await new AuditService({ db: database.db }).list({ limit: 200 });
    const times = data.map((entry) => Date.parse(entry.at));
    expect(data.length).toBeGreaterThan(50);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('records that the installation holds demo data', async () => {
    const { data } = await new AuditService({ db: database.db }).list({ action: DEMO_SEEDED_ACTION });
    expect(data).toHaveLength(1);
    expect(await hasDemoData(database.db)).toBe(true);
  });

  it('runs once: a second start adds nothing', async () => {
    const before = await allReferrals(database);
    const again = await seedFresh(database);
    expect(again.created).toEqual([]);
    expect(again.activity).toBeNull();
    expect(await allReferrals(database)).toHaveLength(before.length);
  });

  it('comes out the same on every first start (ids aside)', async () => {
    const other = await createTestDatabase(kind);
    try {
      await seedFresh(other);
      const shape = async (db: TestDatabase) =>
        (await allReferrals(db)).map((referral) => ({
          company: referral.company.name,
          status: referral.status,
          contacts: referral.contacts.map(({ name, email, role, title }) => ({ name, email, role, title })),
          history: referral.history.map(({ status, at }) => ({ status, at })),
          answers: referral.answers,
        }));
      expect(await shape(other)).toEqual(await shape(database));
      const clicksOf = (db: TestDatabase) =>
        db.db
          .selectFrom('clicks')
          .select(['occurred_at', 'ip_hash', 'is_bot'])
          // Every selected column, so clicks at the same moment come in one order on both databases.
          .orderBy('occurred_at')
          .orderBy('ip_hash')
          .orderBy('is_bot')
          .execute();
      expect(await clicksOf(other)).toEqual(await clicksOf(database));
    } finally {
      await other.close();
    }
  });

  it('leaves a database that already has a program of its own without demo activity', async () => {
    const own = await createTestDatabase(kind);
    try {
      await new TrackService({ db: own.db }).create({
        slug: 'resellers',
        name: 'Resellers',
        kind: 'partner',
        landingUrl: 'https://example.com/',
      });
      const result = await seedFresh(own);
      expect(result.created).toEqual(['clients', 'partners', 'employees']);
      expect(result.activity).toBeNull();
      expect(await allReferrals(own)).toEqual([]);
      expect(await hasDemoData(own.db)).toBe(false);
    } finally {
      await own.close();
    }
  });
});
