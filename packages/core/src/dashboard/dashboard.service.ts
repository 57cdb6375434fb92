import { REFERRAL_STATUSES } from '@warmpath/plugin-sdk';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { parseInput, ValidationError } from '../errors.js';
import { bucketCount, bucketStarts } from './buckets.js';
import {
  type AcceptTimeRow,
  countClicksByBucket,
  countClicksByTrack,
  countFurthestStages,
  countReferralsByBucket,
  countReferralsByTrackAndStatus,
  type DashboardRange,
  selectAcceptTimes,
  selectDashboardTracks,
} from './dashboard.repository.js';
import {
  type DashboardQuery,
  type DashboardSummary,
  dashboardQuerySchema,
  FUNNEL_STAGES,
  MAX_DASHBOARD_BUCKETS,
  type TimeToAccept,
} from './dashboard.schema.js';

/** Dependencies of {@link DashboardService}. */
export interface DashboardServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
}

const DEFAULT_SPAN_DAYS = { day: 30, week: 84 } as const;

/** The console dashboard's figures: referrals and clicks over time, the funnel, time-to-accept against SLA. */
export class DashboardService {
  readonly #db: Executor;
  readonly #clock: Clock;

  constructor(deps: DashboardServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
  }

  /**
   * Figures over referrals created and human clicks made in `[from, to)` (default: the last 30 days by day, or
   * 12 weeks by week), optionally on one track. Time series are zero-filled; buckets are UTC days or ISO weeks.
   */
  async summary(query: DashboardQuery = {}): Promise<DashboardSummary> {
    const input = parseInput(dashboardQuerySchema, query);
    const to = input.to ? new Date(input.to) : this.#clock.now();
    const from = input.from
      ? new Date(input.from)
      : new Date(to.getTime() - DEFAULT_SPAN_DAYS[input.bucket] * 86_400_000);
    if (from >= to) throw new ValidationError([{ path: 'from', message: 'Must be before `to`' }]);
    if (bucketCount(from, to, input.bucket) > MAX_DASHBOARD_BUCKETS) {
      throw new ValidationError([
        { path: 'from', message: `The range spans more than ${MAX_DASHBOARD_BUCKETS} buckets; use weeks` },
      ]);
    }
    const range: DashboardRange = { from, to, trackId: input.trackId };
    const [referralBuckets, clickBuckets, clicksByTrack, statusCounts, furthest, acceptTimes, tracks] =
      await Promise.all([
        countReferralsByBucket(this.#db, range, input.bucket),
        countClicksByBucket(this.#db, range, input.bucket),
        countClicksByTrack(this.#db, range),
        countReferralsByTrackAndStatus(this.#db, range),
        countFurthestStages(this.#db, range),
        selectAcceptTimes(this.#db, range),
        selectDashboardTracks(this.#db, input.trackId),
      ]);

    const referralsAt = new Map(referralBuckets.map((row) => [row.start, row.count]));
    const clicksAt = new Map(clickBuckets.map((row) => [row.start, row.count]));
    const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, 0]));
    for (const row of statusCounts) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: input.bucket,
      buckets: bucketStarts(from, to, input.bucket).map((start) => ({
        start,
        referrals: referralsAt.get(start) ?? 0,
        clicks: clicksAt.get(start) ?? 0,
      })),
      byStatus,
      funnel: FUNNEL_STAGES.map((stage, rank) => ({
        stage,
        // Every referral was submitted, including ones rejected on arrival (never in the funnel proper).
        reached: sum(rank === 0 ? furthest : furthest.filter((row) => row.rank >= rank)),
      })),
      timeToAccept: timeToAcceptOf(acceptTimes.find((row) => row.trackId === null)),
      tracks: tracks.map((track) => ({
        trackId: track.id,
        name: track.name,
        slaHours: track.slaHours,
        referrals: sum(statusCounts.filter((row) => row.trackId === track.id)),
        clicks: sum(clicksByTrack.filter((row) => row.trackId === track.id)),
        closedWon: sum(statusCounts.filter((row) => row.trackId === track.id && row.status === 'closed_won')),
        timeToAccept: timeToAcceptOf(acceptTimes.find((row) => row.trackId === track.id)),
      })),
    };
  }
}

function sum(rows: readonly { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

function timeToAcceptOf(row: AcceptTimeRow | undefined): TimeToAccept {
  if (!row || row.accepted === 0) {
    return { accepted: 0, medianHours: null, p90Hours: null, acceptedWithinSla: 0, shareWithinSla: null };
  }
  return {
    accepted: row.accepted,
    medianHours: round(row.medianHours),
    p90Hours: round(row.p90Hours),
    acceptedWithinSla: row.withinSla,
    shareWithinSla: row.withinSla / row.accepted,
  };
}

/** Hours to two decimals: the dashboard shows hours, not float noise. */
function round(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100) / 100;
}
