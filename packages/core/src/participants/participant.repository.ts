import { type EnrollmentRow, type ParticipantRow, sql, type TrackStatus } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/** A participant with the person and company it stands for. */
export interface ParticipantProfileRow {
  id: string;
  status: 'active' | 'disabled';
  /** Whether they have set a portal password (never the hash itself). */
  has_password: boolean;
  created_at: Date;
  email: string;
  name: string;
  title: string | null;
  /** The company the participant gave, else their directory company's name. */
  company_name: string | null;
  /** The domain of their directory company, when they have one. */
  company_domain: string | null;
}

/** An enrolment with its track's slug and name. */
export interface EnrollmentViewRow {
  code: string;
  track_slug: string;
  track_name: string;
}

export async function findTracksBySlugs(
  executor: Executor,
  slugs: readonly string[],
): Promise<{ id: string; slug: string; status: TrackStatus }[]> {
  if (slugs.length === 0) return [];
  return executor
    .selectFrom('tracks')
    .select(['id', 'slug', 'status'])
    .where('slug', 'in', [...slugs])
    .execute();
}

/** Inserts the participant of a person unless it exists; undefined when it already did. */
export async function insertParticipantRowIfNew(
  executor: Executor,
  row: { id: string; person_id: string; company_name: string | null; created_at: Date; updated_at: Date },
): Promise<ParticipantRow | undefined> {
  return executor
    .insertInto('participants')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Sets the participant's company name unless they already have one (what they said first stays); true when it was
 * set.
 */
export async function fillParticipantCompanyName(
  executor: Executor,
  participantId: string,
  companyName: string,
  now: Date,
): Promise<boolean> {
  const updated = await executor
    .updateTable('participants')
    .set({ company_name: companyName, updated_at: now })
    .where('id', '=', participantId)
    .where('company_name', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function findParticipantRowByPersonId(
  executor: Executor,
  personId: string,
): Promise<ParticipantRow | undefined> {
  return executor.selectFrom('participants').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/**
 * Inserts an enrolment unless it clashes with an existing one: the same participant and track, or (rarely) the
 * same code. Undefined on a clash; the caller tells the two apart. `DO NOTHING` rather than catching the unique
 * violation, because on Postgres a failed statement aborts the whole transaction.
 */
export async function insertEnrollmentRowIfNew(
  executor: Executor,
  row: { id: string; participant_id: string; track_id: string; code: string; created_at: Date },
): Promise<EnrollmentRow | undefined> {
  return executor
    .insertInto('enrollments')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findEnrollmentRow(
  executor: Executor,
  participantId: string,
  trackId: string,
): Promise<EnrollmentRow | undefined> {
  return executor
    .selectFrom('enrollments')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('track_id', '=', trackId)
    .executeTakeFirst();
}

export async function findParticipantProfileRow(
  executor: Executor,
  id: string,
): Promise<ParticipantProfileRow | undefined> {
  return executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .select([
      'participants.id',
      'participants.status',
      sql<boolean>`participants.password_hash is not null`.as('has_password'),
      'participants.created_at',
      'people.email',
      'people.name',
      'people.title',
      (eb) => eb.fn.coalesce('participants.company_name', 'companies.name').as('company_name'),
      'companies.domain as company_domain',
    ])
    .where('participants.id', '=', id)
    .executeTakeFirst();
}

export async function findParticipantIdByEmail(
  executor: Executor,
  email: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('participants')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .select('participants.id')
    .where('people.email', '=', email)
    .executeTakeFirst();
  return row?.id;
}

/** A participant's enrolments in the order they were made (UUIDv7 ids). */
export async function selectEnrollmentViewRows(
  executor: Executor,
  participantId: string,
): Promise<EnrollmentViewRow[]> {
  return executor
    .selectFrom('enrollments')
    .innerJoin('tracks', 'tracks.id', 'enrollments.track_id')
    .select(['enrollments.code', 'tracks.slug as track_slug', 'tracks.name as track_name'])
    .where('enrollments.participant_id', '=', participantId)
    .orderBy('enrollments.id')
    .execute();
}

export async function findEnrollmentRowByCode(
  executor: Executor,
  code: string,
): Promise<Pick<EnrollmentRow, 'id' | 'participant_id' | 'track_id'> | undefined> {
  return executor
    .selectFrom('enrollments')
    .select(['id', 'participant_id', 'track_id'])
    .where('code', '=', code)
    .executeTakeFirst();
}
