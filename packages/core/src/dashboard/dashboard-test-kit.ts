// Test helpers of the dashboard: rows with chosen timestamps, straight into the tables (not exported).
import { json, newId } from '@warmpath/db';
import type { ReferralStatus } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import { seedEnrolledParticipant } from '../referrals/referral-test-kit.js';

const HOUR_MS = 3_600_000;

export async function seedTrack(db: Executor, input: { name: string; slaHours: number }): Promise<string> {
  const id = newId();
  await db
    .insertInto('tracks')
    .values({
      id,
      slug: `${input.name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(-6)}`,
      name: input.name,
      kind: 'client',
      landing_url: 'https://example.com/',
      allowed_destinations: json([]),
      sla_hours: input.slaHours,
      form: json({ fields: [] }),
      settings: json({}),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

/** A place to hang referrals and clicks: one company and one participant enrolled in the tracks. */
export async function seedReferrer(db: Executor, trackIds: readonly string[]) {
  const companyId = newId();
  await db
    .insertInto('companies')
    .values({
      id: companyId,
      name: 'Acme',
      domain: `acme-${companyId.slice(-8)}.example`,
      updated_at: new Date(),
    })
    .execute();
  const participant = await seedEnrolledParticipant(db, {
    email: `referrer-${companyId.slice(-8)}@example.com`,
    trackIds,
  });
  return { companyId, ...participant };
}

type Referrer = Awaited<ReturnType<typeof seedReferrer>>;

/**
 * A referral created at `createdAt` that went through `steps` (status and hours after creation); its current
 * status is the last step's. `submitted` at creation is always written first.
 */
export async function seedReferral(
  db: Executor,
  referrer: Referrer,
  input: { trackId: string; createdAt: string; steps?: [ReferralStatus, number][] },
): Promise<string> {
  const id = newId();
  const createdAt = new Date(input.createdAt);
  const steps: [ReferralStatus, number][] = [['submitted', 0], ...(input.steps ?? [])];
  const status = steps.at(-1)?.[0] ?? 'submitted';
  await db
    .insertInto('referrals')
    .values({
      id,
      track_id: input.trackId,
      participant_id: referrer.participantId,
      company_id: referrer.companyId,
      company_name: 'Seeded company',
      status,
      answers: json({}),
      note: null,
      owner_id: null,
      fraud_flags: json([]),
      duplicate_of_id: null,
      deal_amount_minor: null,
      deal_currency: null,
      landing_click_id: null,
      submitted_ip_hash: null,
      sla_due_at: null,
      sla_breached_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  let from: ReferralStatus | null = null;
  for (const [to, hours] of steps) {
    await db
      .insertInto('referral_history')
      .values({
        id: newId(),
        referral_id: id,
        from_status: from,
        to_status: to,
        actor_type: 'system',
        actor_id: null,
        reason: null,
        at: new Date(createdAt.getTime() + hours * HOUR_MS),
      })
      .execute();
    from = to;
  }
  return id;
}

export async function seedClick(
  db: Executor,
  referrer: Referrer,
  input: { trackId: string; at: string; isBot?: boolean },
): Promise<void> {
  const enrollment = referrer.enrollments.get(input.trackId);
  if (!enrollment) throw new Error('the referrer is not enrolled in this track');
  await db
    .insertInto('clicks')
    .values({
      id: newId(),
      enrollment_id: enrollment.id,
      track_id: input.trackId,
      participant_id: referrer.participantId,
      occurred_at: new Date(input.at),
      ip_hash: null,
      user_agent: null,
      is_bot: input.isBot ?? false,
      destination: 'https://example.com/',
      query: json({}),
      referral_id: null,
    })
    .execute();
}

/**
 * Two tracks with referrals and clicks in the two weeks from Monday 2026-03-02 (see the dashboard tests for the
 * figures they make), plus rows outside that range that no summary of it may count.
 */
export async function seedDashboardScenario(db: Executor): Promise<{ trackA: string; trackB: string }> {
  const trackA = await seedTrack(db, { name: 'A clients', slaHours: 24 });
  const trackB = await seedTrack(db, { name: 'B partners', slaHours: 48 });
  const referrer = await seedReferrer(db, [trackA, trackB]);
  await seedReferral(db, referrer, {
    trackId: trackA,
    createdAt: '2026-03-02T10:00:00Z',
    steps: [
      ['accepted', 12],
      ['meeting_booked', 20],
      ['proposal_sent', 40],
      ['closed_won', 100],
    ],
  });
  await seedReferral(db, referrer, {
    trackId: trackA,
    createdAt: '2026-03-03T23:30:00Z',
    steps: [['accepted', 30]],
  });
  await seedReferral(db, referrer, {
    trackId: trackA,
    createdAt: '2026-03-03T01:00:00Z',
    steps: [['rejected', 2]],
  });
  await seedReferral(db, referrer, {
    trackId: trackB,
    createdAt: '2026-03-09T12:00:00Z',
    steps: [
      ['in_review', 1],
      ['accepted', 6],
      ['proposal_sent', 50],
    ],
  });
  // Outside the range.
  await seedReferral(db, referrer, {
    trackId: trackB,
    createdAt: '2026-03-20T12:00:00Z',
    steps: [['accepted', 1]],
  });
  await seedClick(db, referrer, { trackId: trackA, at: '2026-03-02T08:00:00Z' });
  await seedClick(db, referrer, { trackId: trackA, at: '2026-03-02T09:00:00Z' });
  await seedClick(db, referrer, { trackId: trackA, at: '2026-03-02T09:30:00Z', isBot: true });
  await seedClick(db, referrer, { trackId: trackB, at: '2026-03-10T15:00:00Z' });
  await seedClick(db, referrer, { trackId: trackB, at: '2026-03-16T00:00:00Z' });
  return { trackA, trackB };
}
