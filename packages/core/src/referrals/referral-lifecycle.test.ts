import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { composeSlaBreachEmails, SLA_BREACH_NOTIFY_JOB } from '../notifications/sla-breach-notification.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { TrackService } from '../tracks/track.service.js';
import { portalReferralSchema } from './portal-projection.js';
import type { Referral, ReferralStatus } from './referral.schema.js';
import { ReferralService } from './referral.service.js';
import {
  createFakeFraudEvaluator,
  type FakeFraudEvaluator,
  insertStaffUser,
  outboxEvents,
  type SeededParticipant,
  seedEnrolledParticipant,
  setTrackSettings,
} from './referral-test-kit.js';

const staff = {
  actor: { type: 'user' as const, id: '0190a000-0000-7000-8000-0000000000aa' },
  role: 'manager' as const,
  ip: '198.51.100.1',
};
const HOUR_MS = 60 * 60 * 1000;
const kinds = await testDatabaseKinds();

describe.each(kinds)('the referral lifecycle on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let fraud: FakeFraudEvaluator;
  let referrals: ReferralService;
  let audit: AuditService;
  let trackId: string;
  let alice: SeededParticipant;
  let bob: SeededParticipant;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-06-01T00:00:00.000Z');
    fraud = createFakeFraudEvaluator();
    referrals = new ReferralService({ db: database.db, clock, fraud });
    audit = new AuditService({ db: database.db });
    const tracks = new TrackService({ db: database.db, clock });
    trackId = (
      await tracks.create({
        slug: 'deals',
        name: 'Deals',
        kind: 'client',
        landingUrl: 'https://e.com/',
        slaHours: 8,
      })
    ).id;
    await tracks.create({ slug: 'other', name: 'Other', kind: 'partner', landingUrl: 'https://e.com/' });
    alice = await seedEnrolledParticipant(database.db, { email: 'alice@p.example', trackIds: [trackId] });
    bob = await seedEnrolledParticipant(database.db, { email: 'bob@p.example', trackIds: [trackId] });
  });
  afterAll(() => database?.close());

  async function submit(participant = alice): Promise<Referral> {
    sequence += 1;
    clock.advance(1000);
    return referrals.submit({
      track: 'deals',
      participantId: participant.participantId,
      company: { name: `Company ${sequence}`, domain: `company${sequence}.example` },
      contacts: [
        { name: `Contact ${sequence}`, email: `c${sequence}@company${sequence}.example`, role: 'champion' },
      ],
      note: 'Secret context for sales',
    });
  }

  describe('transitions', () => {
    it('walks a referral forward with a history row, audit entry and event for each step', async () => {
      const referral = await submit();
      const path: [ReferralStatus, string | undefined][] = [
        ['in_review', 'Checking the contact'],
        ['accepted', undefined],
        ['meeting_booked', 'Intro call on Monday'],
        ['closed_won', 'Signed'],
      ];
      let current = referral;
      for (const [to, reason] of path) {
        clock.advance(HOUR_MS);
        current = await referrals.transition(referral.id, reason ? { to, reason } : { to }, staff);
        expect(current.status).toBe(to);
      }
      expect(current.history.map(({ status, reason }) => [status, reason])).toEqual([
        ['submitted', undefined],
        ...path,
      ]);
      expect(current.history.at(-1)).toMatchObject({ actor: staff.actor, at: clock.now().toISOString() });
      expect(await referrals.get(referral.id)).toEqual(current);

      const entries = (await audit.list({ targetId: referral.id, action: 'referral.status_changed' })).data;
      expect(entries.map((entry) => entry.changes?.status)).toEqual([
        { before: 'meeting_booked', after: 'closed_won' },
        { before: 'accepted', after: 'meeting_booked' },
        { before: 'in_review', after: 'accepted' },
        { before: 'submitted', after: 'in_review' },
      ]);
      expect(entries[0]).toMatchObject({ actor: staff.actor, ip: staff.ip, changes: { reason: 'Signed' } });
      const events = (await outboxEvents(database.db)).filter(
        (event) => event.type === 'referral.status_changed' && event.data.referralId === referral.id,
      );
      expect(events.map((event) => event.data)).toEqual(
        [
          ['submitted', 'in_review', 'Checking the contact'],
          ['in_review', 'accepted', null],
          ['accepted', 'meeting_booked', 'Intro call on Monday'],
          ['meeting_booked', 'closed_won', 'Signed'],
        ].map(([from, to, reason]) => ({
          referralId: referral.id,
          trackId,
          participantId: alice.participantId,
          from,
          to,
          reason,
        })),
      );
    });

    it.each<[ReferralStatus[], ReferralStatus]>([
      [[], 'meeting_booked'],
      [[], 'submitted'],
      [['in_review'], 'in_review'],
      [['accepted'], 'in_review'],
      [['accepted', 'proposal_sent'], 'meeting_booked'],
      [['rejected'], 'accepted'],
      [['accepted', 'closed_lost'], 'closed_won'],
    ])('after %j refuses a move to %s with a conflict and writes nothing', async (steps, to) => {
      const referral = await submit();
      for (const step of steps) await referrals.transition(referral.id, { to: step });
      const before = await referrals.get(referral.id);
      const auditBefore = (await audit.list({ targetId: referral.id })).data.length;
      await expect(referrals.transition(referral.id, { to }, staff)).rejects.toBeInstanceOf(ConflictError);
      expect(await referrals.get(referral.id)).toEqual(before);
      expect((await audit.list({ targetId: referral.id })).data).toHaveLength(auditBefore);
    });

    it('refuses unknown referrals and malformed input', async () => {
      await expect(referrals.transition(newId(), { to: 'accepted' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(referrals.transition('nope', { to: 'accepted' })).rejects.toBeInstanceOf(NotFoundError);
      const referral = await submit();
      await expect(referrals.transition(referral.id, { to: 'won' } as never)).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(
        referrals.transition(referral.id, { to: 'accepted', by: 'me' } as never),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('reading', () => {
    it('lists newest first, filtered by track, status and participant, page by page', async () => {
      const mine = [await submit(bob), await submit(bob), await submit(bob)];
      await referrals.transition(mine[1]?.id ?? '', { to: 'accepted' });
      const all = await referrals.list({ participantId: bob.participantId, limit: 2 });
      expect(all.data.map((r) => r.id)).toEqual([mine[2]?.id, mine[1]?.id]);
      expect(all.data[1]?.status).toBe('accepted');
      const rest = await referrals.list({
        participantId: bob.participantId,
        limit: 2,
        cursor: all.nextCursor ?? '',
      });
      expect(rest).toEqual({ data: [await referrals.get(mine[0]?.id ?? '')], nextCursor: null });

      const accepted = await referrals.list({ participantId: bob.participantId, status: 'accepted' });
      expect(accepted.data.map((r) => r.id)).toEqual([mine[1]?.id]);
      expect((await referrals.list({ track: 'deals', limit: 200 })).data.length).toBeGreaterThanOrEqual(3);
      expect((await referrals.list({ track: 'other' })).data).toEqual([]);
      expect((await referrals.list({ participantId: 'not-a-uuid' })).data).toEqual([]);
      await expect(referrals.list({ cursor: 'garbage' })).rejects.toBeInstanceOf(ValidationError);
      await expect(referrals.list({ status: 'won' } as never)).rejects.toBeInstanceOf(ValidationError);
      await expect(referrals.list({ limit: 201 })).rejects.toBeInstanceOf(ValidationError);
    });

    it('answers NotFound for an unknown or malformed id', async () => {
      await expect(referrals.get(newId())).rejects.toBeInstanceOf(NotFoundError);
      await expect(referrals.get("1'; drop table referrals")).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('internal notes', () => {
    it('are kept beside the referral, audited, and never part of its shape', async () => {
      const referral = await submit();
      clock.advance(1000);
      const note = await referrals.addNote(referral.id, '  Budget approved internally  ', staff);
      expect(note).toMatchObject({
        referralId: referral.id,
        body: 'Budget approved internally',
        author: staff.actor,
      });
      await referrals.addNote(referral.id, 'Second note', { actor: { type: 'api_key', id: 'k' } });
      expect((await referrals.listNotes(referral.id)).map((n) => n.body)).toEqual([
        'Budget approved internally',
        'Second note',
      ]);
      expect(JSON.stringify(await referrals.get(referral.id))).not.toContain('Budget approved');
      expect((await audit.list({ targetId: referral.id, action: 'referral.note_added' })).data).toHaveLength(
        2,
      );

      await expect(referrals.addNote(referral.id, '   ', staff)).rejects.toBeInstanceOf(ValidationError);
      await expect(referrals.addNote(newId(), 'x', staff)).rejects.toBeInstanceOf(NotFoundError);
      await expect(referrals.listNotes(newId())).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        referrals.addNote(referral.id, 'x', { actor: { type: 'participant', id: alice.participantId } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('SLA', () => {
    it('marks a referral still waiting for a decision at its due time, once, with an event and audit entry', async () => {
      const referral = await submit();
      expect(referral.slaDueAt).toBe(new Date(clock.now().getTime() + 8 * HOUR_MS).toISOString());
      expect(await referrals.checkSla(referral.id)).toBe('not_due');

      clock.advance(8 * HOUR_MS);
      expect(await referrals.checkSla(referral.id)).toBe('breached');
      expect(await referrals.checkSla(referral.id)).toBe('settled');
      const row = await database.db
        .selectFrom('referrals')
        .select('sla_breached_at')
        .where('id', '=', referral.id)
        .executeTakeFirstOrThrow();
      expect(row.sla_breached_at?.toISOString()).toBe(clock.now().toISOString());
      const events = (await outboxEvents(database.db)).filter(
        (event) => event.type === 'referral.sla_breached' && event.data.referralId === referral.id,
      );
      expect(events).toHaveLength(1);
      expect(events[0]?.data).toMatchObject({ status: 'submitted', slaDueAt: referral.slaDueAt });
      const entries = (await audit.list({ targetId: referral.id, action: 'referral.sla_breached' })).data;
      expect(entries).toHaveLength(1);
      expect(entries[0]?.actor).toEqual({ type: 'system', id: null });
    });

    it('emails the owner about a breach once, or everyone who may assign it when it has no owner', async () => {
      const createdAt = clock.now();
      await insertStaffUser(database.db, {
        email: 'manager@seller.example',
        role: 'manager',
        createdAt,
      });
      await insertStaffUser(database.db, { email: 'viewer@seller.example', role: 'viewer', createdAt });
      await insertStaffUser(database.db, {
        email: 'gone@seller.example',
        role: 'admin',
        createdAt,
        disabled: true,
      });
      const salesId = await insertStaffUser(database.db, {
        email: 'sales@seller.example',
        role: 'sales',
        createdAt,
      });
      const unassigned = await submit();
      const owned = await submit();
      await database.db
        .updateTable('referrals')
        .set({ owner_id: salesId })
        .where('id', '=', owned.id)
        .execute();
      const options = { publicUrl: 'https://warmpath.seller.example' };
      expect(await composeSlaBreachEmails(database.db, owned.id, options)).toEqual([]);

      clock.advance(8 * HOUR_MS);
      expect(await referrals.checkSla(unassigned.id)).toBe('breached');
      expect(await referrals.checkSla(owned.id)).toBe('breached');
      const scheduled = await database.db
        .selectFrom('outbox')
        .select('payload')
        .where('job_name', '=', SLA_BREACH_NOTIFY_JOB)
        .where('idempotency_key', 'in', [
          `notify.sla-breached.${unassigned.id}`,
          `notify.sla-breached.${owned.id}`,
        ])
        .execute();
      expect(scheduled).toHaveLength(2);

      const toOwner = await composeSlaBreachEmails(database.db, owned.id, options);
      expect(toOwner.map((mail) => mail.to)).toEqual(['sales@seller.example']);
      expect(toOwner[0]?.subject).toBe(`SLA missed: ${owned.company.name} (Deals) is waiting for a decision`);
      expect(toOwner[0]?.text).toContain(`https://warmpath.seller.example/admin/referrals/${owned.id}`);
      expect(toOwner[0]?.text).toContain('You are its owner');

      const toAssigners = (await composeSlaBreachEmails(database.db, unassigned.id, options)).map(
        (mail) => mail.to,
      );
      expect(toAssigners).toContain('manager@seller.example');
      expect(toAssigners).not.toContain('viewer@seller.example');
      expect(toAssigners).not.toContain('sales@seller.example');
      expect(toAssigners).not.toContain('gone@seller.example');

      // Decided before the email went out: nobody is bothered.
      await referrals.transition(owned.id, { to: 'accepted' });
      expect(await composeSlaBreachEmails(database.db, owned.id, options)).toEqual([]);
      expect(await composeSlaBreachEmails(database.db, newId(), options)).toEqual([]);
    });

    it('leaves a referral decided in time alone, and ignores unknown ids', async () => {
      const referral = await submit();
      await referrals.transition(referral.id, { to: 'accepted' });
      clock.advance(9 * HOUR_MS);
      expect(await referrals.checkSla(referral.id)).toBe('settled');
      expect(await referrals.checkSla(newId())).toBe('settled');
      expect(await referrals.checkSla('nope')).toBe('settled');
      const row = await database.db
        .selectFrom('referrals')
        .select('sla_breached_at')
        .where('id', '=', referral.id)
        .executeTakeFirstOrThrow();
      expect(row.sla_breached_at).toBeNull();
    });
  });

  describe('the portal', () => {
    it("shows a participant their own referrals, projected, and nobody else's", async () => {
      const carol = await seedEnrolledParticipant(database.db, {
        email: 'carol@p.example',
        trackIds: [trackId],
      });
      fraud.scoreNext(50, 'test.review');
      const first = await submit(carol);
      fraud.outcomes = [];
      const second = await submit(carol);
      await referrals.transition(second.id, { to: 'accepted' }, staff);
      await referrals.transition(second.id, { to: 'meeting_booked', reason: 'Internal reason' }, staff);
      await referrals.addNote(second.id, 'Internal note', staff);
      const others = await submit(alice);

      const listed = await referrals.listForParticipant(carol.participantId);
      expect(listed.map((r) => r.id)).toEqual([second.id, first.id]);
      for (const referral of listed) expect(portalReferralSchema.parse(referral)).toEqual(referral);
      const text = JSON.stringify(listed);
      for (const secret of [
        'Internal',
        'Secret context',
        'test.review',
        staff.actor.id,
        'ownerId',
        'fraud',
        'email',
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(await referrals.getForParticipant(carol.participantId, second.id)).toEqual(listed[0]);
      await expect(referrals.getForParticipant(carol.participantId, others.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(referrals.getForParticipant(carol.participantId, newId())).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await referrals.listForParticipant(newId())).toEqual([]);

      await setTrackSettings(database.db, trackId, {
        referrerVisibleStages: ['submitted', 'accepted', 'rejected', 'closed_won', 'closed_lost'],
      });
      const hidden = await referrals.getForParticipant(carol.participantId, second.id);
      expect(hidden.status).toBe('accepted');
      expect(hidden.history.map((entry) => entry.status)).toEqual(['submitted', 'accepted']);
      const held = await referrals.getForParticipant(carol.participantId, first.id);
      expect(held.status).toBe('submitted');
      await setTrackSettings(database.db, trackId, {});
    });
  });
});
