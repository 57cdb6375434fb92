import { type RewardPayoutRow, type RewardPayoutStatus, sql } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';

export async function findPayout(executor: Executor, id: string): Promise<RewardPayoutRow | undefined> {
  if (!isUuid(id)) return undefined;
  return executor.selectFrom('reward_payouts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the payout row for the rest of the transaction (two reports of one payout apply one after the other). */
export async function lockPayout(executor: Executor, id: string): Promise<RewardPayoutRow | undefined> {
  return executor
    .selectFrom('reward_payouts')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findPayoutByIdempotencyKey(
  executor: Executor,
  idempotencyKey: string,
): Promise<RewardPayoutRow | undefined> {
  return executor
    .selectFrom('reward_payouts')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The payout a provider's ref belongs to, among the given providers. */
export async function findPayoutByRef(
  executor: Executor,
  providerKeys: readonly string[],
  ref: string,
): Promise<RewardPayoutRow | undefined> {
  if (providerKeys.length === 0) return undefined;
  return executor
    .selectFrom('reward_payouts')
    .selectAll()
    .where('provider_key', 'in', providerKeys)
    .where('provider_ref', '=', ref)
    .executeTakeFirst();
}

/** Counts an `issue()` call before it is made: a crash during the call still shows as an attempt. */
export async function countIssueAttempt(executor: Executor, id: string, at: Date): Promise<void> {
  await executor
    .updateTable('reward_payouts')
    .set({ attempts: sql<number>`attempts + 1`, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function updatePayout(
  executor: Executor,
  id: string,
  changes: {
    status?: RewardPayoutStatus;
    provider_ref?: string;
    last_error?: string | null;
    failure_reason?: string | null;
    updated_at: Date;
  },
): Promise<void> {
  await executor.updateTable('reward_payouts').set(changes).where('id', '=', id).execute();
}
