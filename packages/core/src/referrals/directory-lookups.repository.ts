import type { EnrollmentRow, JsonValue, StaffRole } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';

/** A participant with the person behind it: what a submission needs to know about the referrer. */
export interface ReferrerRecord {
  id: string;
  status: 'active' | 'disabled';
  createdAt: Date;
  personId: string;
  email: string;
  name: string;
  title: string | null;
  companyId: string | null;
}

// Read-only queries over participants, enrolments and staff: referrals read them, the participants capability
// owns writing them.

export async function findReferrer(
  executor: Executor,
  participantId: string,
): Promise<ReferrerRecord | undefined> {
  const row = await executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select([
      'participants.id as id',
      'participants.status as status',
      'participants.created_at as createdAt',
      'people.id as personId',
      'people.email as email',
      'people.name as name',
      'people.title as title',
      'people.company_id as companyId',
    ])
    .where('participants.id', '=', participantId)
    .executeTakeFirst();
  return row;
}

/** Which of these (normalised) emails belong to participants. */
export async function selectParticipantEmails(
  executor: Executor,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select('people.email')
    .where('people.email', 'in', [...emails])
    .execute();
  return new Set(rows.map((row) => row.email));
}

export async function findEnrollment(
  executor: Executor,
  query: { participantId: string; trackId: string },
): Promise<EnrollmentRow | undefined> {
  return executor
    .selectFrom('enrollments')
    .selectAll()
    .where('participant_id', '=', query.participantId)
    .where('track_id', '=', query.trackId)
    .executeTakeFirst();
}

export async function findEnrollmentByCode(
  executor: Executor,
  code: string,
): Promise<EnrollmentRow | undefined> {
  return executor.selectFrom('enrollments').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Enabled staff accounts among `ids`, as a set of ids. */
export async function selectEnabledUserIds(executor: Executor, ids: readonly string[]): Promise<Set<string>> {
  // Settings may hold anything; a malformed uuid literal would be a database error, not "no such user".
  const candidates = ids.filter(isUuid);
  if (candidates.length === 0) return new Set();
  const rows = await executor
    .selectFrom('users')
    .select('id')
    .where('id', 'in', candidates)
    .where('disabled_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Enabled staff accounts with one of `roles`, oldest first (a stable round-robin order). */
export async function selectEnabledUserIdsByRole(
  executor: Executor,
  roles: readonly StaffRole[],
): Promise<string[]> {
  const rows = await executor
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...roles])
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Takes the next round-robin position of a track and advances it, atomically: the upsert locks the track's row
 * until the transaction ends, so concurrent submissions get consecutive positions.
 */
export async function takeRoundRobinPosition(executor: Executor, trackId: string): Promise<number> {
  const row = await executor
    .insertInto('track_routing_state')
    .values({ track_id: trackId, next_index: 1 })
    .onConflict((oc) =>
      oc
        .column('track_id')
        .doUpdateSet((eb) => ({ next_index: eb('track_routing_state.next_index', '+', 1) })),
    )
    .returning('next_index')
    .executeTakeFirstOrThrow();
  return row.next_index - 1;
}

/** The stored settings of the tracks, by track id. */
export async function selectTrackSettings(
  executor: Executor,
  trackIds: readonly string[],
): Promise<Map<string, Record<string, JsonValue>>> {
  if (trackIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('tracks')
    .select(['id', 'settings'])
    .where('id', 'in', [...new Set(trackIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.settings]));
}
