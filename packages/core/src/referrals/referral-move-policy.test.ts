import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../api-keys/api-key.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import type { Referral } from './referral.schema.js';
import { ReferralService } from './referral.service.js';
import {
  createFakeFraudEvaluator,
  type FakeFraudEvaluator,
  insertStaffUser,
  type SeededParticipant,
  seedEnrolledParticipant,
} from './referral-test-kit.js';

const kinds = await testDatabaseKinds();

const sales = (id: string) => ({ actor: { type: 'user' as const, id }, role: 'sales' as const });
const manager = (id: string) => ({ actor: { type: 'user' as const, id }, role: 'manager' as const });
const key = (...scopes: Scope[]) => ({ actor: { type: 'api_key' as const, id: newId() }, scopes });

describe.each(kinds)('who may move which referral on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let fraud: FakeFraudEvaluator;
  let referrals: ReferralService;
  /** The same service on an installation that keeps sales to their own referrals. */
  let ownOnly: ReferralService;
  let audit: AuditService;
  let alice: SeededParticipant;
  let salesId: string;
  let managerId: string;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    fraud = createFakeFraudEvaluator();
    referrals = new ReferralService({ db: database.db, clock, fraud });
    ownOnly = new ReferralService({ db: database.db, clock, fraud, salesOwnReferralsOnly: true });
    audit = new AuditService({ db: database.db });
    const track = await new TrackService({ db: database.db, clock }).create({
      slug: 'deals',
      name: 'Deals',
      kind: 'client',
      landingUrl: 'https://e.com/',
    });
    alice = await seedEnrolledParticipant(database.db, { email: 'alice@p.example', trackIds: [track.id] });
    const createdAt = clock.now();
    salesId = await insertStaffUser(database.db, { email: 'sam@seller.example', role: 'sales', createdAt });
    managerId = await insertStaffUser(database.db, {
      email: 'max@seller.example',
      role: 'manager',
      createdAt,
    });
  });
  afterAll(() => database?.close());

  /** A new referral, held for review when `held`, assigned to `ownerId` (or nobody). */
  async function submit(options: { held?: boolean; ownerId?: string | null } = {}): Promise<Referral> {
    sequence += 1;
    fraud.outcomes = [];
    if (options.held) fraud.scoreNext(50, 'test.review');
    const referral = await referrals.submit({
      track: 'deals',
      participantId: alice.participantId,
      company: { name: `Company ${sequence}`, domain: `company${sequence}.example` },
      contacts: [{ name: 'Contact', email: `c@company${sequence}.example`, role: 'champion' }],
    });
    fraud.outcomes = [];
    await database.db
      .updateTable('referrals')
      .set({ owner_id: options.ownerId ?? null })
      .where('id', '=', referral.id)
      .execute();
    return referral;
  }

  /** Asserts the move is a `ForbiddenError` matching `message` and leaves the referral and its audit as they were. */
  async function expectRefused(id: string, move: () => Promise<unknown>, message: RegExp): Promise<void> {
    const before = await referrals.get(id);
    const auditBefore = (await audit.list({ targetId: id })).data.length;
    const error = await move().then(
      () => expect.fail('the move was allowed'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(message);
    expect(await referrals.get(id)).toEqual(before);
    expect((await audit.list({ targetId: id })).data).toHaveLength(auditBefore);
  }

  describe('a referral fraud rules hold for review', () => {
    it('is decided by staff whose role reviews, keys with referrals:review and the system only', async () => {
      const held = await submit({ held: true });
      expect(held.status).toBe('in_review');
      await expectRefused(
        held.id,
        () => referrals.transition(held.id, { to: 'accepted' }, sales(salesId)),
        /review/,
      );
      await expectRefused(
        held.id,
        () => referrals.transition(held.id, { to: 'rejected' }, key('referrals:write')),
        /referrals:review/,
      );
      // Refused before the lifecycle is asked, whatever the move.
      await expectRefused(
        held.id,
        () => referrals.transition(held.id, { to: 'closed_won' }, sales(salesId)),
        /review/,
      );

      const decided = await referrals.transition(
        held.id,
        { to: 'accepted' },
        key('referrals:write', 'referrals:review'),
      );
      expect(decided.status).toBe('accepted');
      // Decided, it is held no longer: sales moves it on.
      expect((await referrals.transition(held.id, { to: 'meeting_booked' }, sales(salesId))).status).toBe(
        'meeting_booked',
      );

      const other = await submit({ held: true });
      expect((await referrals.transition(other.id, { to: 'rejected' }, manager(managerId))).status).toBe(
        'rejected',
      );
      const third = await submit({ held: true });
      expect((await referrals.transition(third.id, { to: 'accepted' })).status).toBe('accepted');
    });

    it('is judged on the row as it stands when the move runs, not as the caller last saw it', async () => {
      const referral = await submit();
      // Held after the caller loaded it (a reviewer put it back in review): the move now needs referrals:review.
      await referrals.transition(referral.id, { to: 'in_review' }, manager(managerId));
      await expectRefused(
        referral.id,
        () => referrals.transition(referral.id, { to: 'accepted' }, sales(salesId)),
        /review/,
      );
    });
  });

  describe('WARMPATH_SALES_OWN_REFERRALS_ONLY', () => {
    it('keeps sales to the referrals assigned to them', async () => {
      const owned = await submit({ ownerId: salesId });
      const unassigned = await submit();
      const managers = await submit({ ownerId: managerId });
      expect((await ownOnly.transition(owned.id, { to: 'accepted' }, sales(salesId))).status).toBe(
        'accepted',
      );
      for (const referral of [unassigned, managers]) {
        await expectRefused(
          referral.id,
          () => ownOnly.transition(referral.id, { to: 'accepted' }, sales(salesId)),
          /assigned to them/,
        );
      }
    });

    it('leaves managers, API keys, the system, and sales on installations without it, free to move any', async () => {
      const referral = await submit();
      expect((await ownOnly.transition(referral.id, { to: 'accepted' }, manager(managerId))).status).toBe(
        'accepted',
      );
      expect(
        (await ownOnly.transition(referral.id, { to: 'meeting_booked' }, key('referrals:write'))).status,
      ).toBe('meeting_booked');
      expect((await ownOnly.transition(referral.id, { to: 'proposal_sent' })).status).toBe('proposal_sent');
      expect((await referrals.transition(referral.id, { to: 'closed_won' }, sales(salesId))).status).toBe(
        'closed_won',
      );
    });
  });
});
