import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Json, JsonValue, Timestamp } from './schema.js';

/** What a {@link CrmRecordsTable} row points at. */
export type CrmEntityKind = 'referral' | 'company' | 'contact';

/** Where a local referral, company or contact lives in one CRM connector (one row per connector, kind, id). */
export interface CrmRecordsTable {
  id: string;
  /** The connector implementation key, `crm:<plugin>:<instance>:<name>`. */
  connector_key: string;
  entity_kind: CrmEntityKind;
  local_id: string;
  external_system: string;
  external_object: string;
  external_id: string;
  external_url: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The push state of one referral in one connector. */
export interface CrmSyncStateTable {
  referral_id: string;
  connector_key: string;
  status: 'ok' | 'failing';
  /** Failed pushes since the last success (0 once a push succeeds). */
  attempts: Generated<number>;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  last_synced_at: Timestamp | null;
}

/** The change-feed cursor of one connector and its last pull failure. */
export interface CrmPullStateTable {
  connector_key: string;
  cursor: string | null;
  /** Failed pulls since the last success. */
  failures: Generated<number>;
  last_error: string | null;
  last_pulled_at: Timestamp | null;
  updated_at: Timestamp;
}

/** One change a connector reported, and what the host did with it. */
export interface CrmChangesTable {
  id: string;
  connector_key: string;
  kind: string;
  referral_id: string | null;
  outcome: 'applied' | 'recorded' | 'refused';
  /** Why it was recorded or refused (a move the lifecycle does not allow, an unknown referral…). */
  note: string | null;
  change: Json<JsonValue>;
  occurred_at: Timestamp;
  recorded_at: CreatedAt;
}

/** Where a payout is on its way to the recipient (the reward provider's vocabulary). */
export type RewardPayoutStatus = 'pending' | 'processing' | 'delivered' | 'failed' | 'canceled';

/** One payment through a reward provider. */
export interface RewardPayoutsTable {
  id: string;
  provider_key: string;
  /** Sent to the provider on every attempt: a retry never pays twice. */
  idempotency_key: string;
  recipient: Json<JsonValue>;
  /** bigint: pg hands it back as a string, PGlite as a number or bigint. */
  amount_minor: ColumnType<string | number | bigint, number, number>;
  currency: string;
  kind: string;
  catalog_item_id: string | null;
  meta: Json<JsonValue> | null;
  status: Generated<RewardPayoutStatus>;
  provider_ref: string | null;
  /** Calls of `issue()` made so far. */
  attempts: Generated<number>;
  last_error: string | null;
  /** The provider's reason for a failed delivery, readable by staff. */
  failure_reason: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type CrmRecordRow = Selectable<CrmRecordsTable>;
export type CrmSyncStateRow = Selectable<CrmSyncStateTable>;
export type CrmPullStateRow = Selectable<CrmPullStateTable>;
export type CrmChangeRow = Selectable<CrmChangesTable>;
export type RewardPayoutRow = Selectable<RewardPayoutsTable>;
