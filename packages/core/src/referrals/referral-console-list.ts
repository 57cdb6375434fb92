import { sql } from '@warmpath/db';
import { z } from 'zod';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { containsPattern } from '../common/like-pattern.js';
import { parseInput } from '../errors.js';
import {
  FRAUD_DECISIONS,
  type FraudDecision,
  type ReferralStatus,
  referralStatusSchema,
} from './referral.schema.js';
import { AWAITING_DECISION_STATUSES } from './transitions.js';

/** The console's referral filters (table, board and review queue share them). */
export const referralConsoleFiltersSchema = z.strictObject({
  trackId: z.string().min(1).max(100).optional(),
  status: referralStatusSchema.optional(),
  /** A staff member's id, or null for referrals nobody owns yet. */
  ownerId: z.string().min(1).max(100).nullable().optional(),
  fraudDecision: z.enum(FRAUD_DECISIONS).optional(),
  /** true: referrals whose decision deadline passed (marked by the SLA job, or overdue now); false: the others. */
  slaBreached: z.boolean().optional(),
  /** Part of the company's name or domain, any letter case; blank means no filter. */
  search: z.string().trim().max(200).optional(),
});
export type ReferralConsoleFilters = z.input<typeof referralConsoleFiltersSchema>;

/** Filters plus a page: newest first. */
export const referralConsoleListQuerySchema = referralConsoleFiltersSchema.extend({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ReferralConsoleListQuery = z.input<typeof referralConsoleListQuerySchema>;

/** A referral as a row of the pipeline table or a card of the board. */
export interface ReferralListItem {
  id: string;
  status: ReferralStatus;
  track: { id: string; slug: string; name: string };
  company: { id: string; name: string; domain: string };
  participant: { id: string; name: string; email: string };
  owner: { id: string; name: string } | null;
  fraud: { score: number; decision: FraudDecision };
  slaDueAt: string | null;
  /** True when the decision deadline passed while the referral waited (see the `slaBreached` filter). */
  isSlaBreached: boolean;
  duplicateOfId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralListPage {
  items: ReferralListItem[];
  nextCursor: string | null;
}

/** Referrals joined with what a list shows, narrowed by the filters (no columns selected yet). */
export function filteredReferrals(
  executor: Executor,
  filters: z.output<typeof referralConsoleFiltersSchema>,
  now: Date,
) {
  let query = executor
    .selectFrom('referrals')
    .innerJoin('tracks', 'tracks.id', 'referrals.track_id')
    .innerJoin('companies', 'companies.id', 'referrals.company_id')
    .innerJoin('participants', 'participants.id', 'referrals.participant_id')
    .innerJoin('people', 'people.id', 'participants.person_id')
    .leftJoin('users as owners', 'owners.id', 'referrals.owner_id');
  const { trackId, status, ownerId, fraudDecision, slaBreached, search } = filters;
  // Ids that cannot exist match nothing (and must not reach Postgres as malformed uuids).
  if (trackId !== undefined) query = query.where('referrals.track_id', '=', isUuid(trackId) ? trackId : null);
  if (status !== undefined) query = query.where('referrals.status', '=', status);
  if (ownerId === null) query = query.where('referrals.owner_id', 'is', null);
  if (ownerId !== undefined && ownerId !== null)
    query = query.where('referrals.owner_id', '=', isUuid(ownerId) ? ownerId : null);
  if (fraudDecision !== undefined) query = query.where('referrals.fraud_decision', '=', fraudDecision);
  if (slaBreached !== undefined) {
    query = query.where((eb) => {
      const breached = eb.or([
        eb('referrals.sla_breached_at', 'is not', null),
        eb.and([
          eb('referrals.status', 'in', [...AWAITING_DECISION_STATUSES]),
          eb('referrals.sla_due_at', '<=', now),
        ]),
      ]);
      return slaBreached ? breached : eb.not(breached);
    });
  }
  if (search) {
    const pattern = containsPattern(search);
    query = query.where((eb) =>
      eb.or([eb('companies.name', 'ilike', pattern), eb('companies.domain', 'ilike', pattern)]),
    );
  }
  return query;
}

/** One page of referrals for the console, newest first. */
export async function listReferralsForConsole(
  executor: Executor,
  query: ReferralConsoleListQuery,
  now: Date,
): Promise<ReferralListPage> {
  const { limit, cursor, ...filters } = parseInput(referralConsoleListQuerySchema, query);
  let rows = selectListColumns(filteredReferrals(executor, filters, now))
    .orderBy('referrals.id', 'desc')
    .limit(limit + 1);
  if (cursor !== undefined) rows = rows.where('referrals.id', '<', decodeIdCursor(cursor));
  const found = await rows.execute();
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toListItem(row, now)),
    nextCursor: found.length > limit && last ? encodeIdCursor(last.id) : null,
  };
}

/** How many referrals match the filters, by status. */
export async function countReferralsByStatus(
  executor: Executor,
  filters: z.output<typeof referralConsoleFiltersSchema>,
  now: Date,
): Promise<Map<ReferralStatus, number>> {
  const rows = await filteredReferrals(executor, filters, now)
    .select(['referrals.status', sql<string>`count(*)`.as('count')])
    .groupBy('referrals.status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.count)]));
}

/** The columns a {@link ReferralListItem} is made of, on a {@link filteredReferrals} query. */
export function selectListColumns(query: ReturnType<typeof filteredReferrals>) {
  return query.select([
    'referrals.id',
    'referrals.status',
    'referrals.fraud_score',
    'referrals.fraud_decision',
    'referrals.sla_due_at',
    'referrals.sla_breached_at',
    'referrals.duplicate_of_id',
    'referrals.created_at',
    'referrals.updated_at',
    'tracks.id as track_id',
    'tracks.slug as track_slug',
    'tracks.name as track_name',
    'companies.id as company_id',
    'companies.name as company_name',
    'companies.domain as company_domain',
    'participants.id as participant_id',
    'people.name as participant_name',
    'people.email as participant_email',
    'owners.id as owner_id',
    'owners.name as owner_name',
  ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof selectListColumns>['execute']>>[number];

/** A row of {@link selectListColumns} as a list item; `now` decides whether a pending deadline has passed. */
export function toListItem(row: ListRow, now: Date): ReferralListItem {
  return {
    id: row.id,
    status: row.status,
    track: { id: row.track_id, slug: row.track_slug, name: row.track_name },
    company: { id: row.company_id, name: row.company_name, domain: row.company_domain },
    participant: { id: row.participant_id, name: row.participant_name, email: row.participant_email },
    owner:
      row.owner_id !== null && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
    fraud: { score: row.fraud_score, decision: row.fraud_decision },
    slaDueAt: row.sla_due_at?.toISOString() ?? null,
    isSlaBreached:
      row.sla_breached_at !== null ||
      (AWAITING_DECISION_STATUSES.includes(row.status) &&
        row.sla_due_at !== null &&
        row.sla_due_at.getTime() <= now.getTime()),
    duplicateOfId: row.duplicate_of_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
