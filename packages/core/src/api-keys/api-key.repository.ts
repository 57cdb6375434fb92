import type { ApiKeyRow, ApiKeysTable } from '@warmpath/db';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../common/executor.js';

export async function insertApiKeyRow(executor: Executor, row: Insertable<ApiKeysTable>): Promise<ApiKeyRow> {
  return executor.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiKeyRowByHash(
  executor: Executor,
  keyHash: string,
): Promise<ApiKeyRow | undefined> {
  return executor.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function lockApiKeyRowById(executor: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return executor.selectFrom('api_keys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockApiKeyRowByHash(
  executor: Executor,
  keyHash: string,
): Promise<ApiKeyRow | undefined> {
  return executor
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateApiKeyRow(
  executor: Executor,
  id: string,
  changes: Updateable<ApiKeysTable>,
): Promise<ApiKeyRow> {
  return executor
    .updateTable('api_keys')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Records use unless it was recorded after `staleBefore`; the condition lives in the statement so concurrent
 * requests write at most once.
 */
export async function markApiKeyRowUsed(
  executor: Executor,
  id: string,
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  const result = await executor
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Newest first (UUIDv7 ids); a page when given: ids before `beforeId`, at most `limit`. */
export async function selectApiKeyRows(
  executor: Executor,
  page: { beforeId?: string | undefined; limit?: number | undefined } = {},
): Promise<ApiKeyRow[]> {
  let query = executor.selectFrom('api_keys').selectAll().orderBy('id', 'desc');
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  if (page.limit !== undefined) query = query.limit(page.limit);
  return query.execute();
}
