import type { DashboardBucket } from './dashboard.schema.js';

const DAY_MS = 86_400_000;

/** The UTC date (`YYYY-MM-DD`) of the bucket holding `at`: its day, or the Monday of its ISO week. */
export function bucketStart(at: Date, bucket: DashboardBucket): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  const start = bucket === 'day' ? day : day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(start).toISOString().slice(0, 10);
}

/** Every bucket start from the one holding `from` to the one holding the last instant before `to`. */
export function bucketStarts(from: Date, to: Date, bucket: DashboardBucket): string[] {
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const last = Date.parse(bucketStart(new Date(to.getTime() - 1), bucket));
  const starts: string[] = [];
  for (let at = Date.parse(bucketStart(from, bucket)); at <= last; at += step) {
    starts.push(new Date(at).toISOString().slice(0, 10));
  }
  return starts;
}

/** How many buckets `[from, to)` spans, without building them. */
export function bucketCount(from: Date, to: Date, bucket: DashboardBucket): number {
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const first = Date.parse(bucketStart(from, bucket));
  const last = Date.parse(bucketStart(new Date(to.getTime() - 1), bucket));
  return Math.floor((last - first) / step) + 1;
}
