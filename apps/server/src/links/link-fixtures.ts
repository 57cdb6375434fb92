import { type Database, type Kysely, newId } from '@warmpath/db';

/** What {@link seedEnrollment} made. */
export interface SeededEnrollment {
  code: string;
  trackId: string;
  participantId: string;
  enrollmentId: string;
}

/**
 * Test data for the link routes: a track, a person, a participant and an enrolment with `code`, written directly
 * (the participants service is not needed to exercise links).
 */
export async function seedEnrollment(
  db: Kysely<Database>,
  options: {
    code: string;
    landingUrl?: string;
    allowedDestinations?: string[];
    attributionWindowDays?: number;
    trackStatus?: 'active' | 'paused' | 'archived';
    participantStatus?: 'active' | 'disabled';
  },
): Promise<SeededEnrollment> {
  const trackId = newId();
  const personId = newId();
  const participantId = newId();
  const enrollmentId = newId();
  const now = new Date();
  const slug = `links-${options.code.toLowerCase().replaceAll('_', '-')}-${trackId.slice(-6)}`;
  await db
    .insertInto('tracks')
    .values({
      id: trackId,
      slug,
      name: `Track ${options.code}`,
      kind: 'partner',
      status: options.trackStatus ?? 'active',
      landing_url: options.landingUrl ?? 'https://example.com/welcome',
      allowed_destinations: JSON.stringify(options.allowedDestinations ?? []),
      attribution_window_days: options.attributionWindowDays ?? 90,
      form: JSON.stringify({ fields: [] }),
      settings: '{}',
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('people')
    .values({ id: personId, email: `${slug}@referrers.example`, name: 'A Referrer', updated_at: now })
    .execute();
  await db
    .insertInto('participants')
    .values({
      id: participantId,
      person_id: personId,
      status: options.participantStatus ?? 'active',
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('enrollments')
    .values({ id: enrollmentId, participant_id: participantId, track_id: trackId, code: options.code })
    .execute();
  return { code: options.code, trackId, participantId, enrollmentId };
}
