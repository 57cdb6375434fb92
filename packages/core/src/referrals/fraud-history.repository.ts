import type { ReferralStatus } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { TERMINAL_STATUSES } from './transitions.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The activity counts of `FraudContext.history`, as of `now` (the referral being scored does not exist yet). */
export async function countFraudHistory(
  executor: Executor,
  query: { participantId: string; companyId: string; now: Date },
): Promise<{
  participantReferralsLast24h: number;
  participantReferralsLast30d: number;
  participantRejectedLast90d: number;
  companyReferralsLast90d: number;
}> {
  const since = (days: number) => new Date(query.now.getTime() - days * DAY_MS);
  const row = await executor
    .selectFrom('referrals')
    .select((eb) => [
      eb.fn
        .count<number>('id')
        .filterWhere((w) =>
          w.and([w('participant_id', '=', query.participantId), w('created_at', '>=', since(1))]),
        )
        .as('participantReferralsLast24h'),
      eb.fn
        .count<number>('id')
        .filterWhere((w) =>
          w.and([w('participant_id', '=', query.participantId), w('created_at', '>=', since(30))]),
        )
        .as('participantReferralsLast30d'),
      eb.fn
        .count<number>('id')
        .filterWhere((w) => w.and([w('company_id', '=', query.companyId), w('created_at', '>=', since(90))]))
        .as('companyReferralsLast90d'),
    ])
    .where((w) =>
      w.or([w('participant_id', '=', query.participantId), w('company_id', '=', query.companyId)]),
    )
    .where('created_at', '<=', query.now)
    .executeTakeFirstOrThrow();
  // Rejections count by when they happened, not when the referral was submitted.
  const rejected = await executor
    .selectFrom('referral_history')
    .innerJoin('referrals', 'referrals.id', 'referral_history.referral_id')
    .select((eb) => eb.fn.count<number>('referral_history.referral_id').distinct().as('count'))
    .where('referrals.participant_id', '=', query.participantId)
    .where('referral_history.to_status', '=', 'rejected')
    .where('referral_history.at', '>=', since(90))
    .executeTakeFirstOrThrow();
  return {
    participantReferralsLast24h: Number(row.participantReferralsLast24h),
    participantReferralsLast30d: Number(row.participantReferralsLast30d),
    participantRejectedLast90d: Number(rejected.count),
    companyReferralsLast90d: Number(row.companyReferralsLast90d),
  };
}

/** An earlier referral sharing the company or a contact, as `FraudContext.priorReferrals` lists it. */
export interface PriorReferralRecord {
  id: string;
  trackId: string;
  participantId: string;
  companyId: string;
  status: ReferralStatus;
  createdAt: Date;
  contactEmails: string[];
}

/** Enough for any rule; beyond this the signal is already unmistakable. */
const PRIOR_REFERRALS_LIMIT = 200;

/**
 * Earlier referrals of the same company or of one of the same people, newest first: every one created in this
 * track since `windowStart`, and every open one (not rejected or closed) whatever its track and age.
 */
export async function selectPriorReferrals(
  executor: Executor,
  query: { companyId: string; personIds: readonly string[]; trackId: string; windowStart: Date },
): Promise<PriorReferralRecord[]> {
  const rows = await executor
    .selectFrom('referrals')
    .select(['id', 'track_id', 'participant_id', 'company_id', 'status', 'created_at'])
    .where((w) =>
      w.and([
        w.or([
          w('company_id', '=', query.companyId),
          ...(query.personIds.length > 0
            ? [
                w(
                  'id',
                  'in',
                  w
                    .selectFrom('referral_contacts')
                    .select('referral_id')
                    .where('person_id', 'in', [...query.personIds]),
                ),
              ]
            : []),
        ]),
        w.or([
          w.and([w('track_id', '=', query.trackId), w('created_at', '>=', query.windowStart)]),
          w('status', 'not in', [...TERMINAL_STATUSES]),
        ]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PRIOR_REFERRALS_LIMIT)
    .execute();
  if (rows.length === 0) return [];
  const contacts = await executor
    .selectFrom('referral_contacts')
    .innerJoin('people', 'people.id', 'referral_contacts.person_id')
    .select(['referral_contacts.referral_id as referralId', 'people.email as email'])
    .where(
      'referral_contacts.referral_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('referral_contacts.position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    trackId: row.track_id,
    participantId: row.participant_id,
    companyId: row.company_id,
    status: row.status,
    createdAt: row.created_at,
    contactEmails: contacts
      .filter((contact) => contact.referralId === row.id)
      .map((contact) => contact.email),
  }));
}
