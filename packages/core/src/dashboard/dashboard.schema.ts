import { z } from 'zod';

/** Bucket widths of the dashboard's time series; weeks start on Monday (ISO, like Postgres `date_trunc`). */
export const DASHBOARD_BUCKETS = ['day', 'week'] as const;
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number];

/**
 * The stages of the conversion funnel, in order. A referral counts as having reached a stage when it reached it
 * or any later one (a deal closed straight from `accepted` still passed the meeting and proposal stages).
 */
export const FUNNEL_STAGES = [
  'submitted',
  'accepted',
  'meeting_booked',
  'proposal_sent',
  'closed_won',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** The most buckets one summary returns: about a year of days or eight years of weeks. */
export const MAX_DASHBOARD_BUCKETS = 400;

/** `admin.dashboard.summary` input: an optional track and time range (default: the last 30 days or 12 weeks). */
export const dashboardQuerySchema = z.strictObject({
  trackId: z.uuid().optional(),
  /** Start of the range (inclusive). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** End of the range (exclusive); default now. */
  to: z.iso.datetime({ offset: true }).optional(),
  bucket: z.enum(DASHBOARD_BUCKETS).default('day'),
});
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

/** One bucket of the time series: referrals created and human (non-bot) clicks, starting on `start` (UTC date). */
export interface DashboardBucketCounts {
  start: string;
  referrals: number;
  clicks: number;
}

/** How long accepting took (created → first `accepted`), in hours, against the track's SLA. */
export interface TimeToAccept {
  accepted: number;
  medianHours: number | null;
  p90Hours: number | null;
  acceptedWithinSla: number;
  /** `acceptedWithinSla / accepted`, null when nothing was accepted. */
  shareWithinSla: number | null;
}

/** The figures of one track over the range. */
export interface TrackSummary {
  trackId: string;
  name: string;
  slaHours: number;
  referrals: number;
  clicks: number;
  closedWon: number;
  timeToAccept: TimeToAccept;
}

/** `admin.dashboard.summary` answer: everything over referrals created (and clicks made) in `[from, to)`. */
export interface DashboardSummary {
  from: string;
  to: string;
  bucket: DashboardBucket;
  buckets: DashboardBucketCounts[];
  /** Referrals by current status (every status present, zeros included). */
  byStatus: Record<string, number>;
  /** Referrals that reached each stage (or a later one), in funnel order. */
  funnel: { stage: FunnelStage; reached: number }[];
  timeToAccept: TimeToAccept;
  tracks: TrackSummary[];
}
