import {
  type ContactRole,
  type NewReferralRow,
  newId,
  type ReferralHistoryRow,
  type ReferralRow,
  type ReferralStatus,
} from '@warmpath/db';
import type { AuditActor } from '../audit/audit.schema.js';
import type { Executor } from '../common/executor.js';

export async function insertReferralRow(executor: Executor, row: NewReferralRow): Promise<ReferralRow> {
  return executor.insertInto('referrals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertReferralContactRows(
  executor: Executor,
  referralId: string,
  contacts: readonly { personId: string; role: ContactRole }[],
): Promise<void> {
  if (contacts.length === 0) return;
  await executor
    .insertInto('referral_contacts')
    .values(
      contacts.map((contact, position) => ({
        id: newId(),
        referral_id: referralId,
        person_id: contact.personId,
        role: contact.role,
        position,
      })),
    )
    .execute();
}

export async function insertHistoryRow(
  executor: Executor,
  entry: {
    referralId: string;
    from: ReferralStatus | null;
    to: ReferralStatus;
    actor: AuditActor;
    reason: string | null;
    at: Date;
  },
): Promise<void> {
  await executor
    .insertInto('referral_history')
    .values({
      id: newId(),
      referral_id: entry.referralId,
      from_status: entry.from,
      to_status: entry.to,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      reason: entry.reason,
      at: entry.at,
    })
    .execute();
}

/**
 * The earliest referral of a company in a track since `since` that still holds its claim (not rejected): a later
 * one is its duplicate, so the first referrer keeps priority.
 */
export async function findEarliestClaim(
  executor: Executor,
  query: { trackId: string; companyId: string; since: Date },
): Promise<{ id: string } | undefined> {
  return executor
    .selectFrom('referrals')
    .select('id')
    .where('track_id', '=', query.trackId)
    .where('company_id', '=', query.companyId)
    .where('created_at', '>=', query.since)
    .where('status', '!=', 'rejected')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function lockReferralRow(executor: Executor, id: string): Promise<ReferralRow | undefined> {
  return executor.selectFrom('referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateReferralRow(
  executor: Executor,
  id: string,
  changes: { status?: ReferralStatus; sla_breached_at?: Date; updated_at: Date },
): Promise<ReferralRow> {
  return executor
    .updateTable('referrals')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A referral row with what its API shape needs beside it: the track's slug and the company (the directory's, with the
 * name this referral was submitted with).
 */
export interface ReferralHeadRecord {
  row: ReferralRow;
  trackSlug: string;
  company: { id: string; name: string; domain: string; submittedName: string };
}

function selectHeads(executor: Executor) {
  return executor
    .selectFrom('referrals')
    .innerJoin('tracks', 'tracks.id', 'referrals.track_id')
    .innerJoin('companies', 'companies.id', 'referrals.company_id')
    .selectAll('referrals')
    .select([
      'tracks.slug as track_slug',
      // Not `company_name`: that is the referral's own column, the name it was submitted with.
      'companies.name as directory_company_name',
      'companies.domain as company_domain',
    ]);
}

type HeadRow = ReferralRow & { track_slug: string; directory_company_name: string; company_domain: string };

function toHead({ track_slug, directory_company_name, company_domain, ...row }: HeadRow): ReferralHeadRecord {
  return {
    row,
    trackSlug: track_slug,
    company: {
      id: row.company_id,
      name: directory_company_name,
      domain: company_domain,
      submittedName: row.company_name,
    },
  };
}

export async function findReferralHead(
  executor: Executor,
  id: string,
): Promise<ReferralHeadRecord | undefined> {
  const row = await selectHeads(executor).where('referrals.id', '=', id).executeTakeFirst();
  return row ? toHead(row) : undefined;
}

/** Newest first (UUIDv7 ids order by creation), optionally filtered; `beforeId` pages. */
export async function selectReferralHeads(
  executor: Executor,
  filter: {
    trackSlug?: string | undefined;
    status?: ReferralStatus | undefined;
    participantId?: string | undefined;
    beforeId?: string | undefined;
    limit: number;
  },
): Promise<ReferralHeadRecord[]> {
  let query = selectHeads(executor).orderBy('referrals.id', 'desc').limit(filter.limit);
  if (filter.trackSlug !== undefined) query = query.where('tracks.slug', '=', filter.trackSlug);
  if (filter.status !== undefined) query = query.where('referrals.status', '=', filter.status);
  if (filter.participantId !== undefined)
    query = query.where('referrals.participant_id', '=', filter.participantId);
  if (filter.beforeId !== undefined) query = query.where('referrals.id', '<', filter.beforeId);
  return (await query.execute()).map(toHead);
}

/** A contact of a referral, with the person's details. */
export interface ReferralContactRecord {
  referralId: string;
  personId: string;
  name: string;
  email: string;
  title: string | null;
  role: ContactRole;
}

export async function selectReferralContacts(
  executor: Executor,
  referralIds: readonly string[],
): Promise<ReferralContactRecord[]> {
  if (referralIds.length === 0) return [];
  return executor
    .selectFrom('referral_contacts')
    .innerJoin('people', 'people.id', 'referral_contacts.person_id')
    .select([
      'referral_contacts.referral_id as referralId',
      'people.id as personId',
      'people.name as name',
      'people.email as email',
      'people.title as title',
      'referral_contacts.role as role',
    ])
    .where('referral_contacts.referral_id', 'in', [...referralIds])
    .orderBy('referral_contacts.referral_id')
    .orderBy('referral_contacts.position')
    .execute();
}

/** Status changes of the referrals, oldest first. */
export async function selectHistoryRows(
  executor: Executor,
  referralIds: readonly string[],
): Promise<ReferralHistoryRow[]> {
  if (referralIds.length === 0) return [];
  return executor
    .selectFrom('referral_history')
    .selectAll()
    .where('referral_id', 'in', [...referralIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertNoteRow(
  executor: Executor,
  note: {
    referralId: string;
    author: { type: 'user' | 'api_key' | 'system'; id: string | null };
    body: string;
    at: Date;
  },
) {
  return executor
    .insertInto('referral_notes')
    .values({
      id: newId(),
      referral_id: note.referralId,
      author_type: note.author.type,
      author_id: note.author.id,
      body: note.body,
      created_at: note.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectNoteRows(executor: Executor, referralId: string) {
  return executor
    .selectFrom('referral_notes')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
