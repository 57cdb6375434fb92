import { sql } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { type DashboardBucket, FUNNEL_STAGES } from './dashboard.schema.js';

/** The rows a summary covers: created (referrals) or made (clicks) in `[from, to)`, optionally on one track. */
export interface DashboardRange {
  from: Date;
  to: Date;
  trackId?: string | undefined;
}

// Buckets are cut in UTC whatever the session time zone, and returned as text so no driver reinterprets them.
function bucketExpression(bucket: DashboardBucket, column: 'referrals.created_at' | 'clicks.occurred_at') {
  return sql<string>`to_char(date_trunc(${bucket}, ${sql.ref(column)} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/** Referrals created per bucket (buckets without any are absent). */
export async function countReferralsByBucket(
  db: Executor,
  range: DashboardRange,
  bucket: DashboardBucket,
): Promise<{ start: string; count: number }[]> {
  let query = db
    .selectFrom('referrals')
    .select([
      bucketExpression(bucket, 'referrals.created_at').as('start'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('referrals.created_at', '>=', range.from)
    .where('referrals.created_at', '<', range.to)
    .groupBy('start');
  if (range.trackId) query = query.where('referrals.track_id', '=', range.trackId);
  return query.execute();
}

/** Human (non-bot) clicks per bucket (buckets without any are absent). */
export async function countClicksByBucket(
  db: Executor,
  range: DashboardRange,
  bucket: DashboardBucket,
): Promise<{ start: string; count: number }[]> {
  let query = db
    .selectFrom('clicks')
    .select([
      bucketExpression(bucket, 'clicks.occurred_at').as('start'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where('clicks.occurred_at', '>=', range.from)
    .where('clicks.occurred_at', '<', range.to)
    .where('clicks.is_bot', '=', false)
    .groupBy('start');
  if (range.trackId) query = query.where('clicks.track_id', '=', range.trackId);
  return query.execute();
}

/** Human clicks per track. */
export async function countClicksByTrack(
  db: Executor,
  range: DashboardRange,
): Promise<{ trackId: string; count: number }[]> {
  let query = db
    .selectFrom('clicks')
    .select(['clicks.track_id as trackId', sql<number>`count(*)::int`.as('count')])
    .where('clicks.occurred_at', '>=', range.from)
    .where('clicks.occurred_at', '<', range.to)
    .where('clicks.is_bot', '=', false)
    .groupBy('clicks.track_id');
  if (range.trackId) query = query.where('clicks.track_id', '=', range.trackId);
  return query.execute();
}

/** Referrals per track and current status. */
export async function countReferralsByTrackAndStatus(
  db: Executor,
  range: DashboardRange,
): Promise<{ trackId: string; status: string; count: number }[]> {
  let query = db
    .selectFrom('referrals')
    .select(['referrals.track_id as trackId', 'referrals.status', sql<number>`count(*)::int`.as('count')])
    .where('referrals.created_at', '>=', range.from)
    .where('referrals.created_at', '<', range.to)
    .groupBy(['referrals.track_id', 'referrals.status']);
  if (range.trackId) query = query.where('referrals.track_id', '=', range.trackId);
  return query.execute();
}

// Funnel position of a status (-1: off the funnel, e.g. rejected); in_review is still at the submitted stage.
const stageRank = (column: 'referral_history.to_status' | 'referrals.status') =>
  sql<number>`case ${sql.ref(column)} ${sql.join(
    FUNNEL_STAGES.map((stage, rank) => sql`when ${stage} then ${sql.lit(rank)}`),
    sql` `,
  )} when 'in_review' then 0 else -1 end`;

/**
 * How many referrals got furthest to each funnel stage, per track: the highest stage among a referral's history
 * and its current status. `rank` indexes {@link FUNNEL_STAGES}; -1 never entered the funnel.
 */
export async function countFurthestStages(
  db: Executor,
  range: DashboardRange,
): Promise<{ trackId: string; rank: number; count: number }[]> {
  let furthest = db
    .selectFrom('referrals')
    .leftJoin('referral_history', 'referral_history.referral_id', 'referrals.id')
    .select([
      'referrals.track_id as trackId',
      sql<number>`greatest(coalesce(max(${stageRank('referral_history.to_status')}), -1), max(${stageRank('referrals.status')}))`.as(
        'rank',
      ),
    ])
    .where('referrals.created_at', '>=', range.from)
    .where('referrals.created_at', '<', range.to)
    .groupBy(['referrals.id', 'referrals.track_id']);
  if (range.trackId) furthest = furthest.where('referrals.track_id', '=', range.trackId);
  return db
    .selectFrom(furthest.as('furthest'))
    .select(['furthest.trackId', 'furthest.rank', sql<number>`count(*)::int`.as('count')])
    .groupBy(['furthest.trackId', 'furthest.rank'])
    .execute();
}

/** Time-to-accept figures; `trackId` null is the row over every track. */
export interface AcceptTimeRow {
  trackId: string | null;
  accepted: number;
  medianHours: number | null;
  p90Hours: number | null;
  withinSla: number;
}

/**
 * Hours from creation to the first `accepted` of referrals created in the range, per track and over all of them
 * (one pass with grouping sets), with how many were accepted within their track's SLA.
 */
export async function selectAcceptTimes(db: Executor, range: DashboardRange): Promise<AcceptTimeRow[]> {
  let acceptances = db
    .selectFrom('referrals')
    .innerJoin('referral_history', 'referral_history.referral_id', 'referrals.id')
    .innerJoin('tracks', 'tracks.id', 'referrals.track_id')
    .select([
      'referrals.track_id as trackId',
      'tracks.sla_hours as slaHours',
      sql<number>`(extract(epoch from (min(referral_history.at) - referrals.created_at)) / 3600.0)::float8`.as(
        'hours',
      ),
    ])
    .where('referral_history.to_status', '=', 'accepted')
    .where('referrals.created_at', '>=', range.from)
    .where('referrals.created_at', '<', range.to)
    .groupBy(['referrals.id', 'referrals.track_id', 'referrals.created_at', 'tracks.sla_hours']);
  if (range.trackId) acceptances = acceptances.where('referrals.track_id', '=', range.trackId);
  const { rows } = await sql<{
    trackId: string | null;
    accepted: number;
    medianHours: string | number | null;
    p90Hours: string | number | null;
    withinSla: number;
  }>`
    select a."trackId",
           count(*)::int as accepted,
           percentile_cont(0.5) within group (order by a.hours) as "medianHours",
           percentile_cont(0.9) within group (order by a.hours) as "p90Hours",
           (count(*) filter (where a.hours <= a."slaHours"))::int as "withinSla"
      from (${acceptances}) as a
     group by grouping sets ((a."trackId"), ())`.execute(db);
  return rows.map((row) => ({
    ...row,
    medianHours: row.medianHours === null ? null : Number(row.medianHours),
    p90Hours: row.p90Hours === null ? null : Number(row.p90Hours),
  }));
}

/** The tracks a summary lists: the one asked for, or all of them, by name. */
export async function selectDashboardTracks(
  db: Executor,
  trackId: string | undefined,
): Promise<{ id: string; name: string; slaHours: number }[]> {
  let query = db.selectFrom('tracks').select(['id', 'name', 'sla_hours as slaHours']).orderBy('name');
  if (trackId) query = query.where('id', '=', trackId);
  return query.execute();
}
