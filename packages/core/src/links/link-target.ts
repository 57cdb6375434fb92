import { json, sql } from '@warmpath/db';
import type { Executor } from '../shared/executor.js';

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

// Postgres refuses NUL in text and in jsonb strings; one such character (a `%00` in a query) would fail the whole
// batch on every retry, so it is dropped here rather than on the hot path.
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

function storedQuery(query: Record<string, string>): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const key in query) {
    const value = query[key];
    if (value !== undefined) stored[withoutNul(key)] = withoutNul(value);
  }
  return stored;
}

/**
 * Writes a batch of clicks with one INSERT. The rows travel as a single JSON parameter that Postgres expands with
 * `json_to_recordset`, rather than as ten parameters per row: the statement is the same whatever the batch size, and
 * serialising it is one native `JSON.stringify` on the process that is busy redirecting.
 */
export async function insertClicks(executor: Executor, clicks: readonly ClickToRecord[]): Promise<void> {
  if (clicks.length === 0) return;
  const rows = clicks.map((click) => ({
    id: click.id,
    enrollment_id: click.enrollmentId,
    track_id: click.trackId,
    participant_id: click.participantId,
    occurred_at: click.occurredAt,
    ip_hash: click.ipHash,
    user_agent: click.userAgent === null ? null : withoutNul(click.userAgent),
    is_bot: click.isBot,
    destination: withoutNul(click.destination),
    query: storedQuery(click.query),
  }));
  await sql`
    insert into clicks
      (id, enrollment_id, track_id, participant_id, occurred_at, ip_hash, user_agent, is_bot, destination, query)
    select id, enrollment_id, track_id, participant_id, occurred_at, ip_hash, user_agent, is_bot, destination, query
    from json_to_recordset(${json(rows)}::json) as row(
      id uuid, enrollment_id uuid, track_id uuid, participant_id uuid, occurred_at timestamptz, ip_hash text,
      user_agent text, is_bot boolean, destination text, query jsonb
    )`.execute(executor);
}
