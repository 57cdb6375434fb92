import { json, newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { FraudContextSchema } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { hashIp } from '../common/ip-hash.js';
import { ValidationError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { type Referral, referralSchema, type SubmitReferralInput } from './referral.schema.js';
import { ReferralService } from './referral.service.js';
import {
  createFakeFraudEvaluator,
  type FakeFraudEvaluator,
  outboxEvents,
  type SeededParticipant,
  seedEnrolledParticipant,
  setTrackSettings,
} from './referral-test-kit.js';

const apiKey = {
  actor: { type: 'api_key' as const, id: '0190a000-0000-7000-8000-0000000000bb' },
  ip: '203.0.113.7',
};
const SALT = 'test-salt';
const DAY_MS = 24 * 60 * 60 * 1000;
const kinds = await testDatabaseKinds();

describe.each(kinds)('submitting referrals on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let fraud: FakeFraudEvaluator;
  let referrals: ReferralService;
  let audit: AuditService;
  let clientsTrackId: string;
  let autoTrackId: string;
  let alice: SeededParticipant;
  let bob: SeededParticipant;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    fraud = createFakeFraudEvaluator();
    referrals = new ReferralService({ db: database.db, clock, fraud, ipHashSalt: SALT });
    audit = new AuditService({ db: database.db });
    const tracks = new TrackService({ db: database.db, clock });
    const landing = 'https://example.com/refer';
    clientsTrackId = (
      await tracks.create({
        slug: 'clients',
        name: 'Clients',
        kind: 'client',
        landingUrl: landing,
        attributionWindowDays: 30,
        slaHours: 24,
        form: {
          fields: [
            { key: 'account', label: 'Account', type: 'text', required: true },
            { key: 'urgency', label: 'Urgency', type: 'select', options: ['Low', 'High'] },
          ],
        },
      })
    ).id;
    autoTrackId = (
      await tracks.create({
        slug: 'auto',
        name: 'Auto',
        kind: 'partner',
        landingUrl: landing,
        autoAccept: true,
      })
    ).id;
    await tracks.create({ slug: 'paused', name: 'Paused', kind: 'partner', landingUrl: landing });
    await tracks.update('paused', { status: 'paused' });
    alice = await seedEnrolledParticipant(database.db, {
      email: 'alice@partner.example',
      name: 'Alice',
      trackIds: [clientsTrackId, autoTrackId],
    });
    bob = await seedEnrolledParticipant(database.db, {
      email: 'bob@other.example',
      trackIds: [clientsTrackId],
    });
  });
  afterAll(() => database?.close());
  beforeEach(() => {
    fraud.outcomes = [];
    clock.advance(60_000);
  });

  function input(overrides: Partial<SubmitReferralInput> = {}): SubmitReferralInput {
    return {
      track: 'clients',
      participantId: alice.participantId,
      company: { name: 'Acme Corp', domain: 'https://www.Acme.com/about' },
      contacts: [{ name: 'Ann Buyer', email: ' Ann@Acme.com ', title: 'CFO', role: 'economic_buyer' }],
      answers: { account: 'Acme', urgency: 'High' },
      note: 'Met at the conference',
      ...overrides,
    };
  }

  async function countReferrals() {
    const row = await database.db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('a valid submission', () => {
    let referral: Referral;
    let submittedAt: Date;
    beforeAll(async () => {
      submittedAt = clock.now();
      referral = await referrals.submit(input(), { ...apiKey, userAgent: 'integration/1.0' });
    });

    it('is recorded in the API shape with the company and contacts normalised into the directory', async () => {
      expect(referralSchema.parse(referral)).toEqual(referral);
      expect(referral).toMatchObject({
        track: 'clients',
        participantId: alice.participantId,
        status: 'submitted',
        company: { name: 'Acme Corp', domain: 'acme.com' },
        contacts: [{ name: 'Ann Buyer', email: 'ann@acme.com', title: 'CFO', role: 'economic_buyer' }],
        answers: { account: 'Acme', urgency: 'High' },
        note: 'Met at the conference',
        fraud: { score: 0, decision: 'allow', flags: [] },
        createdAt: submittedAt.toISOString(),
        slaDueAt: new Date(submittedAt.getTime() + 24 * 3600 * 1000).toISOString(),
        duplicateOfId: null,
        history: [{ status: 'submitted', at: submittedAt.toISOString(), actor: apiKey.actor }],
      });
      expect(await referrals.get(referral.id)).toEqual(referral);
      const person = await database.db
        .selectFrom('people')
        .selectAll()
        .where('email', '=', 'ann@acme.com')
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({ id: referral.contacts[0]?.id, company_id: referral.company.id });
    });

    it('is audited, announced as referral.created and has its SLA check scheduled, in the same commit', async () => {
      const [entry] = (await audit.list({ targetId: referral.id, action: 'referral.created' })).data;
      expect(entry).toMatchObject({
        actor: apiKey.actor,
        ip: apiKey.ip,
        changes: { status: { before: null, after: 'submitted' }, track: { before: null, after: 'clients' } },
      });
      const events = (await outboxEvents(database.db)).filter((event) => event.type === 'referral.created');
      expect(events.map((event) => event.data)).toContainEqual({
        referralId: referral.id,
        trackId: clientsTrackId,
        participantId: alice.participantId,
        companyId: referral.company.id,
        status: 'submitted',
      });
      const sla = await database.db
        .selectFrom('outbox')
        .selectAll()
        .where('idempotency_key', '=', `sla:${referral.id}`)
        .executeTakeFirstOrThrow();
      expect(sla).toMatchObject({ job_name: 'referrals.sla-check', payload: { referralId: referral.id } });
      expect(sla.available_at.toISOString()).toBe(referral.slaDueAt);
    });

    it('gave fraud rules a complete context, including where the submission came from', () => {
      const context = fraud.contexts.at(-1);
      expect(FraudContextSchema.parse(context)).toEqual(context);
      expect(context).toMatchObject({
        referral: {
          id: referral.id,
          trackId: clientsTrackId,
          status: 'submitted',
          note: 'Met at the conference',
        },
        company: { id: referral.company.id, domain: 'acme.com' },
        contacts: [{ email: 'ann@acme.com', role: 'economic_buyer' }],
        participant: { id: alice.participantId, email: 'alice@partner.example', name: 'Alice' },
        track: { id: clientsTrackId, slug: 'clients', attributionWindowDays: 30, autoAccept: false },
        history: {
          participantReferralsLast24h: 0,
          participantReferralsLast30d: 0,
          participantRejectedLast90d: 0,
          companyReferralsLast90d: 0,
        },
        submission: {
          ip: apiKey.ip,
          userAgent: 'integration/1.0',
          ipHash: hashIp(apiKey.ip, SALT),
          clicksFromIpHashLastHour: 0,
        },
        priorReferrals: [],
        companyStatus: { isCustomer: false, customerSince: null },
        landingClick: null,
      });
    });
  });

  describe('invalid submissions', () => {
    async function issuesOf(attempt: Promise<unknown>) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      return Object.fromEntries(
        (error as ValidationError).issues.map((issue) => [issue.path, issue.message]),
      );
    }

    it('names every problem at once and writes nothing', async () => {
      const before = await countReferrals();
      const issues = await issuesOf(
        referrals.submit(
          input({
            company: { name: 'Acme', domain: 'not a domain' },
            contacts: [
              { name: 'Ann', email: 'ann@acme.com' },
              { name: 'Ann again', email: 'ANN@acme.com' },
              { name: 'Bo', email: 'bo@acme.com' },
              { name: 'Bo again', email: 'bo@acme.com ' },
            ],
            answers: { urgency: 'Someday', budget: 5 },
          }),
        ),
      );
      expect(Object.keys(issues).sort()).toEqual([
        'answers.account',
        'answers.budget',
        'answers.urgency',
        'company.domain',
        'contacts.1.email',
        'contacts.3.email',
      ]);
      expect(await countReferrals()).toBe(before);
    });

    it('rejects unknown fields, missing contacts and more than 20 contacts', async () => {
      expect(
        Object.keys(await issuesOf(referrals.submit({ ...input(), owner: 'me' } as SubmitReferralInput))),
      ).toEqual(['owner']);
      expect(Object.keys(await issuesOf(referrals.submit(input({ contacts: [] }))))).toEqual(['contacts']);
      const many = Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, email: `p${i}@acme.com` }));
      expect(Object.keys(await issuesOf(referrals.submit(input({ contacts: many }))))).toEqual(['contacts']);
    });

    it('requires a track that exists and takes referrals', async () => {
      expect(await issuesOf(referrals.submit(input({ track: 'nope' })))).toEqual({
        track: 'No track with slug nope',
      });
      expect(Object.keys(await issuesOf(referrals.submit(input({ track: 'paused', answers: {} }))))).toEqual([
        'track',
        'participantId',
      ]);
    });

    it('requires a known, active participant enrolled in the track', async () => {
      const carol = await seedEnrolledParticipant(database.db, {
        email: 'carol@x.example',
        trackIds: [autoTrackId],
      });
      const dave = await seedEnrolledParticipant(database.db, {
        email: 'dave@x.example',
        trackIds: [clientsTrackId],
        status: 'disabled',
      });
      for (const participantId of [carol.participantId, dave.participantId, newId(), 'not-a-uuid']) {
        expect(Object.keys(await issuesOf(referrals.submit(input({ participantId }))))).toEqual([
          'participantId',
        ]);
      }
    });

    it("accepts the participant's own link code as ref and refuses any other", async () => {
      const own = alice.enrollments.get(clientsTrackId)?.code;
      const otherTrack = alice.enrollments.get(autoTrackId)?.code;
      const bobs = bob.enrollments.get(clientsTrackId)?.code;
      for (const ref of [otherTrack, bobs, 'unknowncode']) {
        expect(Object.keys(await issuesOf(referrals.submit(input({ ref }))))).toEqual(['ref']);
      }
      const accepted = await referrals.submit(
        input({ ref: own, company: { name: 'Ref Co', domain: 'ref.example' } }),
      );
      expect(accepted.status).toBe('submitted');
    });
  });

  describe('initial status', () => {
    it.each([
      { score: 0, track: 'clients', status: 'submitted', decision: 'allow' },
      { score: 39, track: 'auto', status: 'accepted', decision: 'allow' },
      { score: 40, track: 'auto', status: 'in_review', decision: 'review' },
      { score: 79, track: 'clients', status: 'in_review', decision: 'review' },
      { score: 80, track: 'auto', status: 'rejected', decision: 'block' },
    ] as const)('score $score on $track → $status', async ({ score, track, status, decision }) => {
      fraud.scoreNext(score, ...(score > 0 ? ['test.signal'] : []));
      const referral = await referrals.submit(
        input({
          track,
          answers: track === 'clients' ? { account: 'X' } : {},
          company: { name: 'S', domain: `s${score}${track}.example` },
        }),
        apiKey,
      );
      expect(referral.status).toBe(status);
      expect(referral.fraud).toEqual({
        score,
        decision,
        flags: score > 0 ? [{ code: 'test.signal', message: 'Flagged test.signal' }] : [],
      });
      expect(referral.history).toHaveLength(1);
      expect(referral.history[0]?.status).toBe(status);
      if (decision !== 'allow')
        expect(referral.history[0]?.reason).toBe(`fraud (score ${score}): test.signal`);
      // Evidence is kept for reviewers, never in the API shape.
      expect(JSON.stringify(referral)).not.toContain('evidence');
      const stored = await database.db
        .selectFrom('referrals')
        .select(['fraud_flags', 'owner_id'])
        .where('id', '=', referral.id)
        .executeTakeFirstOrThrow();
      if (score > 0) expect(JSON.stringify(stored.fraud_flags)).toContain('evidence of test.signal');
      const slaJobs = await database.db
        .selectFrom('outbox')
        .select('id')
        .where('idempotency_key', '=', `sla:${referral.id}`)
        .execute();
      expect(slaJobs).toHaveLength(status === 'submitted' || status === 'in_review' ? 1 : 0);
    });

    it("follows the track's own fraud thresholds", async () => {
      await setTrackSettings(database.db, autoTrackId, { fraudThresholds: { review: 10, block: 30 } });
      fraud.scoreNext(30, 'test.signal');
      const blocked = await referrals.submit(
        input({ track: 'auto', answers: {}, company: { name: 'T', domain: 't.example' } }),
      );
      expect(blocked.status).toBe('rejected');
      fraud.scoreNext(10, 'test.signal');
      const held = await referrals.submit(
        input({ track: 'auto', answers: {}, company: { name: 'T', domain: 't2.example' } }),
      );
      expect(held.status).toBe('in_review');
      await setTrackSettings(database.db, autoTrackId, {});
    });
  });

  describe('duplicates', () => {
    it('links later referrals of a company in the track to the first one, which keeps priority', async () => {
      const company = { name: 'Globex', domain: 'globex.example' };
      const first = await referrals.submit(
        input({
          participantId: bob.participantId,
          company,
          contacts: [{ name: 'Gil', email: 'gil@globex.example' }],
        }),
      );
      clock.advance(DAY_MS);
      const second = await referrals.submit(
        input({ company, contacts: [{ name: 'Gus', email: 'gus@globex.example' }] }),
      );
      clock.advance(DAY_MS);
      const third = await referrals.submit(
        input({
          company: { name: 'GLOBEX', domain: 'www.globex.example' },
          contacts: [{ name: 'Gina', email: 'gina@globex.example' }],
        }),
      );
      expect(first.duplicateOfId).toBeNull();
      expect(second.duplicateOfId).toBe(first.id);
      expect(third.duplicateOfId).toBe(first.id);
      expect(third.company).toEqual({ ...first.company, submittedName: 'GLOBEX' });

      // The third saw both earlier referrals, newest first, with their contacts, and the company count.
      const context = fraud.contexts.at(-1);
      expect(context?.priorReferrals?.map((prior) => prior.id)).toEqual([second.id, first.id]);
      expect(context?.priorReferrals?.[0]?.contactEmails).toEqual(['gus@globex.example']);
      expect(context?.history.companyReferralsLast90d).toBe(2);
      expect(context?.history.participantReferralsLast24h).toBeGreaterThanOrEqual(1);

      // Another track has its own claims; past the window the claim lapses.
      const elsewhere = await referrals.submit(input({ track: 'auto', answers: {}, company }));
      expect(elsewhere.duplicateOfId).toBeNull();
      clock.advance(31 * DAY_MS);
      const later = await referrals.submit(input({ company }));
      expect(later.duplicateOfId).toBeNull();
    });

    it('keeps exactly one original when the same company is submitted concurrently', async () => {
      const company = { name: 'Stampede', domain: 'stampede.example' };
      const submitted = await Promise.all(
        [alice, bob, alice, bob].map((participant, index) =>
          referrals.submit(
            input({
              participantId: participant.participantId,
              company,
              contacts: [{ name: 'S', email: `s${index}@stampede.example` }],
            }),
          ),
        ),
      );
      const originals = submitted.filter((referral) => referral.duplicateOfId === null);
      expect(originals).toHaveLength(1);
      for (const referral of submitted) {
        if (referral !== originals[0]) expect(referral.duplicateOfId).toBe(originals[0]?.id);
        expect(referral.company.id).toBe(originals[0]?.company.id);
      }
    });

    it('records concurrent referrals naming the same people in different orders', async () => {
      const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, email: `${name}@crowd.example` }));
      const submitted = await Promise.all(
        people.map((_, index) =>
          referrals.submit(
            input({
              company: { name: `Crowd ${index}`, domain: `crowd${index}.example` },
              contacts: index % 2 === 0 ? people : [...people].reverse(),
            }),
          ),
        ),
      );
      expect(submitted).toHaveLength(6);
      expect(
        new Set(submitted.flatMap((referral) => referral.contacts.map((contact) => contact.id))).size,
      ).toBe(6);
      expect(submitted[1]?.contacts.map((contact) => contact.email)).toEqual(
        people.map((p) => p.email).reverse(),
      );
    });

    it('does not let a rejected referral hold the claim, and counts the rejection against its referrer', async () => {
      const erin = await seedEnrolledParticipant(database.db, {
        email: 'erin@x.example',
        trackIds: [clientsTrackId],
      });
      const company = { name: 'Initech', domain: 'initech.example' };
      const contacts = [{ name: 'Ida', email: 'ida@initech.example' }];
      fraud.scoreNext(100, 'test.block');
      const blocked = await referrals.submit(input({ participantId: erin.participantId, company, contacts }));
      expect(blocked.status).toBe('rejected');
      fraud.outcomes = [];
      const next = await referrals.submit(input({ company, contacts }));
      expect(next.duplicateOfId).toBeNull();
      clock.advance(60_000);
      await referrals.submit(
        input({
          participantId: erin.participantId,
          company: { name: 'Vandelay', domain: 'vandelay.example' },
          contacts,
        }),
      );
      expect(fraud.contexts.at(-1)?.history).toMatchObject({
        participantReferralsLast24h: 1,
        participantReferralsLast30d: 1,
        participantRejectedLast90d: 1,
      });
      expect(fraud.contexts.at(-1)?.priorReferrals?.map((prior) => prior.id)).toEqual([next.id, blocked.id]);
    });
  });

  describe('company names', () => {
    it('shows each referrer the company name they typed, whatever name the shared company has', async () => {
      const first = await referrals.submit(
        input({
          participantId: bob.participantId,
          company: { name: 'Globex Bank', domain: 'globex-names.example' },
          contacts: [{ name: 'Hank', email: 'hank@globex-names.example' }],
        }),
      );
      const second = await referrals.submit(
        input({
          company: { name: 'Globex Corporation', domain: 'globex-names.example' },
          contacts: [{ name: 'Hal', email: 'hal@globex-names.example' }],
        }),
      );
      expect(second.company.id).toBe(first.company.id);
      expect(second.company).toMatchObject({ name: 'Globex Bank', submittedName: 'Globex Corporation' });
      expect((await referrals.getForParticipant(alice.participantId, second.id)).company.name).toBe(
        'Globex Corporation',
      );
      expect((await referrals.getForParticipant(bob.participantId, first.id)).company.name).toBe(
        'Globex Bank',
      );
      const listed = await referrals.listForParticipant(alice.participantId);
      expect(listed.find((referral) => referral.id === second.id)?.company.name).toBe('Globex Corporation');
    });

    it("never changes a participant's company, even when they name themselves as a contact", async () => {
      const companyOf = async (personId: string) =>
        (
          await database.db
            .selectFrom('people')
            .select('company_id')
            .where('id', '=', personId)
            .executeTakeFirstOrThrow()
        ).company_id;
      const carol = await seedEnrolledParticipant(database.db, {
        email: 'carol@carol-consulting.example',
        trackIds: [clientsTrackId],
      });
      await referrals.submit(
        input({
          participantId: carol.participantId,
          company: { name: 'Umbrella', domain: 'umbrella-names.example' },
          contacts: [
            { name: 'Carol', email: 'carol@carol-consulting.example' },
            { name: 'Uma', email: 'uma@umbrella-names.example' },
          ],
        }),
      );
      expect(await companyOf(carol.personId)).toBeNull();
      // Nor another participant's, named as a contact by someone else.
      await referrals.submit(
        input({
          company: { name: 'Wayne', domain: 'wayne-names.example' },
          contacts: [{ name: 'Carol', email: 'carol@carol-consulting.example' }],
        }),
      );
      expect(await companyOf(carol.personId)).toBeNull();
    });
  });

  describe('links and customers', () => {
    it('passes the landing click and click flood to fraud rules and credits the clicks to the referral', async () => {
      const enrollment = alice.enrollments.get(clientsTrackId);
      if (!enrollment) throw new Error('alice is enrolled in clients');
      const ipHash = hashIp(apiKey.ip, SALT);
      const clickAt = (minutesAgo: number) => new Date(clock.now().getTime() - minutesAgo * 60_000);
      const clicks = [
        { minutesAgo: 50, query: { utm_source: 'x' } },
        { minutesAgo: 5, query: { gclid: 'abc' } },
        { minutesAgo: 60 * 24 * 40, query: {} },
      ].map(({ minutesAgo, query }) => ({
        id: newId(),
        enrollment_id: enrollment.id,
        track_id: clientsTrackId,
        participant_id: alice.participantId,
        occurred_at: clickAt(minutesAgo),
        ip_hash: ipHash,
        user_agent: 'browser',
        destination: 'https://example.com/refer',
        query: json(query),
      }));
      await database.db.insertInto('clicks').values(clicks).execute();
      await database.db
        .insertInto('companies')
        .values({
          id: newId(),
          name: 'Hooli',
          domain: 'hooli.example',
          is_customer: true,
          customer_since: new Date('2025-01-01T00:00:00.000Z'),
          updated_at: clock.now(),
        })
        .execute();

      const referral = await referrals.submit(
        input({ company: { name: 'Hooli', domain: 'hooli.example' } }),
        apiKey,
      );
      const context = fraud.contexts.at(-1);
      expect(context?.landingClick).toEqual({
        id: clicks[1]?.id,
        occurredAt: clickAt(5).toISOString(),
        queryParams: { gclid: 'abc' },
      });
      expect(context?.submission.clicksFromIpHashLastHour).toBe(2);
      expect(context?.companyStatus).toEqual({ isCustomer: true, customerSince: '2025-01-01T00:00:00.000Z' });

      const credited = await database.db
        .selectFrom('clicks')
        .select(['id', 'referral_id'])
        .where('enrollment_id', '=', enrollment.id)
        .execute();
      const creditedIds = credited
        .filter((click) => click.referral_id === referral.id)
        .map((click) => click.id);
      // The 40-day-old click is outside the 30-day attribution window.
      expect(creditedIds.sort()).toEqual([clicks[0]?.id, clicks[1]?.id].sort());
      const stored = await database.db
        .selectFrom('referrals')
        .select(['landing_click_id', 'submitted_ip_hash'])
        .where('id', '=', referral.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ landing_click_id: clicks[1]?.id, submitted_ip_hash: ipHash });
    });
  });
});
