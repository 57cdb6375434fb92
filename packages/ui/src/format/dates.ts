/**
 * The one date convention of both apps: the reader's locale's medium date ("Nov 22, 2026", "22 Nov 2026"), with
 * its short time for moments ("Nov 22, 2026, 4:05 PM") in the reader's time zone. A calendar day the server sends
 * as `YYYY-MM-DD` (dashboard buckets) is that day everywhere, not the moment it starts in UTC. A value that is not
 * a date is shown as it came, so a surprise from the server stays readable.
 */
export interface DateFormatOptions {
  /** BCP 47 locale; the reader's by default. */
  locale?: string;
  /** IANA time zone; the reader's by default. */
  timeZone?: string;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and tables format many cells: one per style, locale and zone. */
function formatter(style: Intl.DateTimeFormatOptions, options: DateFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([style, options.locale, options.timeZone]);
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(options.locale, { ...style, timeZone: options.timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

function toDate(value: string | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A day: "Nov 22, 2026" in the reader's locale. */
export function formatDate(value: string | Date, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return String(value);
  const isCalendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  // `new Date('2026-11-22')` is midnight UTC, which is the 21st west of Greenwich: read it in UTC.
  return formatter({ dateStyle: 'medium' }, isCalendarDay ? { ...options, timeZone: 'UTC' } : options).format(
    date,
  );
}

/** A moment: "Nov 22, 2026, 4:05 PM" in the reader's locale and time zone. */
export function formatDateTime(value: string | Date, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  return date ? formatter({ dateStyle: 'medium', timeStyle: 'short' }, options).format(date) : String(value);
}
