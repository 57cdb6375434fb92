import type { ClickRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

/**
 * The most recent counted (non-bot) click on an enrolment's link since `since`: the landing that led to a referral,
 * whose query parameters feed fraud rules (paid-ad click ids).
 */
export async function findLandingClick(
  executor: Executor,
  query: { enrollmentId: string; since: Date; until: Date },
): Promise<ClickRow | undefined> {
  return executor
    .selectFrom('clicks')
    .selectAll()
    .where('enrollment_id', '=', query.enrollmentId)
    .where('is_bot', '=', false)
    .where('occurred_at', '>=', query.since)
    .where('occurred_at', '<=', query.until)
    .orderBy('occurred_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Credits a new referral with the clicks on its referrer's link that arrived inside the attribution window and are
 * not yet credited to another referral. Returns how many clicks were credited.
 */
export async function creditClicksToReferral(
  executor: Executor,
  credit: { referralId: string; enrollmentId: string; since: Date; until: Date },
): Promise<number> {
  const result = await executor
    .updateTable('clicks')
    .set({ referral_id: credit.referralId })
    .where('enrollment_id', '=', credit.enrollmentId)
    .where('referral_id', 'is', null)
    .where('is_bot', '=', false)
    .where('occurred_at', '>=', credit.since)
    .where('occurred_at', '<=', credit.until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Clicks from one IP hash in a time range (click-flood signal). */
export async function countClicksFromIpHash(
  executor: Executor,
  query: { ipHash: string; since: Date; until: Date },
): Promise<number> {
  const row = await executor
    .selectFrom('clicks')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ip_hash', '=', query.ipHash)
    .where('occurred_at', '>=', query.since)
    .where('occurred_at', '<=', query.until)
    .executeTakeFirstOrThrow();
  return row.count;
}
