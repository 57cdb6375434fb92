import type { JsonValue, TrackKind, TrackStatus } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/** A track as the portal may know it: public fields and the settings its copy is read from. */
export interface PortalTrackRow {
  id: string;
  slug: string;
  name: string;
  kind: TrackKind;
  status: TrackStatus;
  settings: Record<string, JsonValue>;
}

/** One of a participant's enrolments with its track and counts. */
export interface MyEnrolmentRow extends PortalTrackRow {
  code: string;
  click_count: number | string | bigint | null;
  referral_count: number | string | bigint | null;
}

const TRACK_COLUMNS = [
  'tracks.id',
  'tracks.slug',
  'tracks.name',
  'tracks.kind',
  'tracks.status',
  'tracks.settings',
] as const;

/** Active tracks, by name. */
export async function selectActiveTrackRows(executor: Executor): Promise<PortalTrackRow[]> {
  return executor
    .selectFrom('tracks')
    .select(TRACK_COLUMNS)
    .where('tracks.status', '=', 'active')
    .orderBy('tracks.name')
    .execute();
}

/**
 * A participant's enrolments in tracks that are not archived, oldest first, each with its counted (non-bot)
 * clicks and the referrals the participant made in the track.
 */
export async function selectMyEnrolmentRows(
  executor: Executor,
  participantId: string,
): Promise<MyEnrolmentRow[]> {
  return executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .select(TRACK_COLUMNS)
    .select('enrollments.code')
    .select((eb) => [
      eb
        .selectFrom('clicks')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('clicks.enrollment_id', '=', 'enrollments.id')
        .where('clicks.is_bot', '=', false)
        .as('click_count'),
      eb
        .selectFrom('referrals')
        .select((inner) => inner.fn.countAll().as('n'))
        .whereRef('referrals.participant_id', '=', 'enrollments.participant_id')
        .whereRef('referrals.track_id', '=', 'enrollments.track_id')
        .as('referral_count'),
    ])
    .where('enrollments.participant_id', '=', participantId)
    .where('tracks.status', '!=', 'archived')
    .orderBy('enrollments.id')
    .execute();
}

/** The participant's enrolled track with this slug (not archived), or undefined. */
export async function findMyTrackRow(
  executor: Executor,
  participantId: string,
  slug: string,
): Promise<(PortalTrackRow & { form: JsonValue }) | undefined> {
  return executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .select(TRACK_COLUMNS)
    .select('tracks.form')
    .where('enrollments.participant_id', '=', participantId)
    .where('tracks.slug', '=', slug)
    .where('tracks.status', '!=', 'archived')
    .executeTakeFirst();
}
