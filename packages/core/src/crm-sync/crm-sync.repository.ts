import { type CrmEntityKind, type CrmSyncStateRow, json, newId } from '@warmpath/db';
import type { CrmChange, ExternalRef } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';

/** Stores (or moves) where a local record lives in a connector: one row per connector, kind and local id. */
export async function upsertCrmRecord(
  executor: Executor,
  record: { connectorKey: string; kind: CrmEntityKind; localId: string; ref: ExternalRef; at: Date },
): Promise<void> {
  const external = {
    external_system: record.ref.system,
    external_object: record.ref.object,
    external_id: record.ref.id,
    external_url: record.ref.url ?? null,
  };
  await executor
    .insertInto('crm_records')
    .values({
      id: newId(),
      connector_key: record.connectorKey,
      entity_kind: record.kind,
      local_id: record.localId,
      ...external,
      created_at: record.at,
      updated_at: record.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['connector_key', 'entity_kind', 'local_id'])
        .doUpdateSet({ ...external, updated_at: record.at }),
    )
    .execute();
}

/** The referral a connector's record (its lead or opportunity) stands for, if the host wrote it. */
export async function findReferralIdByExternalId(
  executor: Executor,
  connectorKey: string,
  externalId: string,
): Promise<string | null> {
  const row = await executor
    .selectFrom('crm_records')
    .select('local_id')
    .where('connector_key', '=', connectorKey)
    .where('entity_kind', '=', 'referral')
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row?.local_id ?? null;
}

/** Records a successful push: status ok, failures reset. */
export async function markSyncOk(
  executor: Executor,
  key: { referralId: string; connectorKey: string },
  at: Date,
): Promise<void> {
  const state = {
    status: 'ok' as const,
    attempts: 0,
    last_error: null,
    last_attempt_at: at,
    last_synced_at: at,
  };
  await executor
    .insertInto('crm_sync_state')
    .values({ referral_id: key.referralId, connector_key: key.connectorKey, ...state })
    .onConflict((oc) => oc.columns(['referral_id', 'connector_key']).doUpdateSet(state))
    .execute();
}

/** Records a failed push: status failing, one more attempt, the error (the last success time is kept). */
export async function markSyncFailing(
  executor: Executor,
  key: { referralId: string; connectorKey: string },
  error: string,
  at: Date,
): Promise<void> {
  await executor
    .insertInto('crm_sync_state')
    .values({
      referral_id: key.referralId,
      connector_key: key.connectorKey,
      status: 'failing',
      attempts: 1,
      last_error: error,
      last_attempt_at: at,
      last_synced_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['referral_id', 'connector_key']).doUpdateSet((eb) => ({
        status: 'failing',
        attempts: eb('crm_sync_state.attempts', '+', 1),
        last_error: error,
        last_attempt_at: at,
      })),
    )
    .execute();
}

export async function selectSyncStates(executor: Executor, referralId: string): Promise<CrmSyncStateRow[]> {
  return executor
    .selectFrom('crm_sync_state')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('connector_key')
    .execute();
}

export async function selectPullCursor(executor: Executor, connectorKey: string): Promise<string | null> {
  const row = await executor
    .selectFrom('crm_pull_state')
    .select('cursor')
    .where('connector_key', '=', connectorKey)
    .executeTakeFirst();
  return row?.cursor ?? null;
}

/** Stores the cursor after a page was applied, so a crash resumes after it (and clears the failure count). */
export async function savePullCursor(
  executor: Executor,
  connectorKey: string,
  cursor: string,
  at: Date,
): Promise<void> {
  const state = { cursor, failures: 0, last_error: null, last_pulled_at: at, updated_at: at };
  await executor
    .insertInto('crm_pull_state')
    .values({ connector_key: connectorKey, ...state })
    .onConflict((oc) => oc.column('connector_key').doUpdateSet(state))
    .execute();
}

/** Records a failed pull; the cursor stays where it was. */
export async function markPullFailing(
  executor: Executor,
  connectorKey: string,
  error: string,
  at: Date,
): Promise<void> {
  await executor
    .insertInto('crm_pull_state')
    .values({ connector_key: connectorKey, cursor: null, failures: 1, last_error: error, updated_at: at })
    .onConflict((oc) =>
      oc.column('connector_key').doUpdateSet((eb) => ({
        failures: eb('crm_pull_state.failures', '+', 1),
        last_error: error,
        updated_at: at,
      })),
    )
    .execute();
}

/** Appends a reported change with what was done with it. */
export async function insertCrmChange(
  executor: Executor,
  entry: {
    connectorKey: string;
    change: CrmChange;
    referralId: string | null;
    outcome: 'applied' | 'recorded' | 'refused';
    note: string | null;
    at: Date;
  },
): Promise<void> {
  await executor
    .insertInto('crm_changes')
    .values({
      id: newId(),
      connector_key: entry.connectorKey,
      kind: entry.change.kind,
      referral_id: entry.referralId,
      outcome: entry.outcome,
      note: entry.note,
      change: json(entry.change),
      occurred_at: entry.change.occurredAt,
      recorded_at: entry.at,
    })
    .execute();
}
