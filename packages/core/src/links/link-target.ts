import { json, type WarmpathDatabase } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/** What the redirect of one link code needs to know: its enrolment, its track's URLs and window, and whether it works. */
export interface LinkTarget {
  code: string;
  enrollmentId: string;
  participantId: string;
  trackId: string;
  landingUrl: string;
  allowedDestinations: string[];
  attributionWindowDays: number;
  /** False when the track is paused or archived or the participant is disabled: the link then answers 404. */
  isActive: boolean;
}

/** The target of a link code, or undefined when no enrolment has that code. One indexed query (enrollments.code). */
export async function findLinkTarget(executor: Executor, code: string): Promise<LinkTarget | undefined> {
  const row = await executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .innerJoin('participants', 'participants.id', 'enrollments.participant_id')
    .select([
      'enrollments.id as enrollmentId',
      'enrollments.participant_id as participantId',
      'enrollments.track_id as trackId',
      'tracks.landing_url as landingUrl',
      'tracks.allowed_destinations as allowedDestinations',
      'tracks.attribution_window_days as attributionWindowDays',
      'tracks.status as trackStatus',
      'participants.status as participantStatus',
    ])
    .where('enrollments.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const { trackStatus, participantStatus, ...target } = row;
  return { code, ...target, isActive: trackStatus === 'active' && participantStatus === 'active' };
}

/** One click as the redirect records it (see {@link insertClicks}). */
export interface ClickToRecord {
  id: string;
  enrollmentId: string;
  trackId: string;
  participantId: string;
  occurredAt: Date;
  ipHash: string | null;
  userAgent: string | null;
  isBot: boolean;
  destination: string;
  query: Record<string, string>;
}

// Postgres refuses NUL in jsonb strings, which JSON writes as `\u0000`; one such character (a `%00` in a query)
// would fail the whole batch on every retry, so it is dropped here rather than on the hot path. (`appendRows`
// drops raw NULs from text columns itself.)
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

function storedQuery(query: Record<string, string>): string {
  let stored: Record<string, string> | undefined;
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    stored ??= {};
    stored[withoutNul(key)] = withoutNul(value);
  }
  return stored === undefined ? '{}' : json(stored);
}

const CLICK_COLUMNS = [
  'id',
  'enrollment_id',
  'track_id',
  'participant_id',
  'occurred_at',
  'ip_hash',
  'user_agent',
  'is_bot',
  'destination',
  'query',
] as const;

/**
 * Writes a batch of clicks in one round trip with `appendRows` (COPY on Postgres): the cheapest write for the
 * database and for the process that is busy redirecting.
 */
export async function insertClicks(
  database: Pick<WarmpathDatabase, 'appendRows'>,
  clicks: readonly ClickToRecord[],
): Promise<void> {
  if (clicks.length === 0) return;
  const rows = clicks.map((click) => [
    click.id,
    click.enrollmentId,
    click.trackId,
    click.participantId,
    click.occurredAt,
    click.ipHash,
    click.userAgent,
    click.isBot,
    click.destination,
    storedQuery(click.query),
  ]);
  await database.appendRows('clicks', CLICK_COLUMNS, rows);
}
