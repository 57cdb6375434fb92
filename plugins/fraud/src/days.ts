const MILLISECONDS_PER_DAY = 86_400_000;

/** Milliseconds from `earlier` to `later` (ISO-8601 date-times); negative when `earlier` is the later one. */
export function millisecondsBetween(earlier: string, later: string): number {
  return Date.parse(later) - Date.parse(earlier);
}

/** True when `earlier` lies at most `days` days before `later` (or after it: clocks of concurrent writes differ). */
export function isWithinDaysBefore(earlier: string, later: string, days: number): boolean {
  return millisecondsBetween(earlier, later) <= days * MILLISECONDS_PER_DAY;
}

/** Whole days from `earlier` to `later`, never negative. */
export function wholeDaysBetween(earlier: string, later: string): number {
  return Math.max(0, Math.floor(millisecondsBetween(earlier, later) / MILLISECONDS_PER_DAY));
}

/** "less than a day ago", "1 day ago", "12 days ago". */
export function describeDaysAgo(days: number): string {
  if (days < 1) return 'less than a day ago';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
