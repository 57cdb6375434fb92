import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { DashboardService } from './dashboard.service.js';
import { seedDashboardScenario } from './dashboard-test-kit.js';

const kinds = await testDatabaseKinds();
const RANGE = { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' };

describe.each(kinds)('dashboard summary on %s', (kind) => {
  let database: TestDatabase;
  let dashboard: DashboardService;
  let tracks: { trackA: string; trackB: string };
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dashboard = new DashboardService({ db: database.db });
    tracks = await seedDashboardScenario(database.db);
  });
  afterAll(() => database?.close());

  it('counts referrals and human clicks per UTC day, zero-filling days without any', async () => {
    const summary = await dashboard.summary({ ...RANGE, bucket: 'day' });
    expect(summary.buckets).toHaveLength(14);
    expect(summary.buckets[0]).toEqual({ start: '2026-03-02', referrals: 1, clicks: 2 });
    expect(summary.buckets[1]).toEqual({ start: '2026-03-03', referrals: 2, clicks: 0 });
    expect(summary.buckets[7]).toEqual({ start: '2026-03-09', referrals: 1, clicks: 0 });
    expect(summary.buckets[8]).toEqual({ start: '2026-03-10', referrals: 0, clicks: 1 });
    expect(summary.buckets.at(-1)).toEqual({ start: '2026-03-15', referrals: 0, clicks: 0 });
    const total = (key: 'referrals' | 'clicks') => summary.buckets.reduce((n, b) => n + b[key], 0);
    expect([total('referrals'), total('clicks')]).toEqual([4, 3]);
  });

  it('groups by ISO week starting on Monday', async () => {
    const summary = await dashboard.summary({ from: '2026-03-04T00:00:00Z', to: RANGE.to, bucket: 'week' });
    expect(summary.buckets).toEqual([
      { start: '2026-03-02', referrals: 0, clicks: 0 },
      { start: '2026-03-09', referrals: 1, clicks: 1 },
    ]);
  });

  it('shows the funnel, statuses and time to accept against each track SLA', async () => {
    const summary = await dashboard.summary(RANGE);
    expect(summary.byStatus).toMatchObject({
      submitted: 0,
      in_review: 0,
      accepted: 1,
      rejected: 1,
      meeting_booked: 0,
      proposal_sent: 1,
      closed_won: 1,
      closed_lost: 0,
    });
    expect(summary.funnel).toEqual([
      { stage: 'submitted', reached: 4 },
      { stage: 'accepted', reached: 3 },
      { stage: 'meeting_booked', reached: 2 },
      { stage: 'proposal_sent', reached: 2 },
      { stage: 'closed_won', reached: 1 },
    ]);
    // Accepted after 12 h (A, SLA 24), 30 h (A) and 6 h (B, SLA 48).
    expect(summary.timeToAccept).toEqual({
      accepted: 3,
      medianHours: 12,
      p90Hours: 26.4,
      acceptedWithinSla: 2,
      shareWithinSla: 2 / 3,
    });
    expect(summary.tracks).toEqual([
      {
        trackId: tracks.trackA,
        name: 'A clients',
        slaHours: 24,
        referrals: 3,
        clicks: 2,
        closedWon: 1,
        timeToAccept: {
          accepted: 2,
          medianHours: 21,
          p90Hours: 28.2,
          acceptedWithinSla: 1,
          shareWithinSla: 0.5,
        },
      },
      {
        trackId: tracks.trackB,
        name: 'B partners',
        slaHours: 48,
        referrals: 1,
        clicks: 1,
        closedWon: 0,
        timeToAccept: { accepted: 1, medianHours: 6, p90Hours: 6, acceptedWithinSla: 1, shareWithinSla: 1 },
      },
    ]);
  });

  it('narrows everything to one track', async () => {
    const summary = await dashboard.summary({ ...RANGE, trackId: tracks.trackB, bucket: 'week' });
    expect(summary.buckets).toEqual([
      { start: '2026-03-02', referrals: 0, clicks: 0 },
      { start: '2026-03-09', referrals: 1, clicks: 1 },
    ]);
    expect(summary.funnel.map((stage) => stage.reached)).toEqual([1, 1, 1, 1, 0]);
    expect(summary.tracks.map((track) => track.trackId)).toEqual([tracks.trackB]);
    expect(summary.timeToAccept.medianHours).toBe(6);
  });

  it('answers zeros for a range without activity', async () => {
    const summary = await dashboard.summary({ from: '2025-01-01T00:00:00Z', to: '2025-01-08T00:00:00Z' });
    expect(summary.buckets).toHaveLength(7);
    expect(summary.buckets.every((b) => b.referrals === 0 && b.clicks === 0)).toBe(true);
    expect(summary.funnel.every((stage) => stage.reached === 0)).toBe(true);
    expect(summary.timeToAccept).toEqual({
      accepted: 0,
      medianHours: null,
      p90Hours: null,
      acceptedWithinSla: 0,
      shareWithinSla: null,
    });
    expect(summary.tracks.every((track) => track.referrals === 0)).toBe(true);
  });

  it('defaults to the last 30 days and refuses backwards or oversized ranges', async () => {
    const summary = await dashboard.summary();
    expect(summary.buckets.length).toBeGreaterThanOrEqual(30);
    expect(Date.parse(summary.to) - Date.parse(summary.from)).toBe(30 * 86_400_000);
    await expect(dashboard.summary({ from: RANGE.to, to: RANGE.from })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      dashboard.summary({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', bucket: 'day' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(dashboard.summary({ bucket: 'month' as 'day' })).rejects.toBeInstanceOf(ValidationError);
  });
});
