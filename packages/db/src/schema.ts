import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamptz column: written as Date or ISO string, read as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A jsonb column holding T. Values are written as JSON text (see `json()`), read parsed. */
export type Json<T> = ColumnType<T, string, string>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Side effects committed in the same transaction as the domain change (DESIGN.md §5). */
export interface OutboxTable {
  id: string;
  /** Name of the job the dispatcher enqueues for this row. */
  job_name: string;
  payload: Json<JsonValue>;
  /** Deduplicates the enqueued job; defaults to the outbox id. */
  idempotency_key: string | null;
  created_at: CreatedAt;
  /** The row is not dispatched before this time (delayed side effects, dispatch back-off). */
  available_at: Timestamp;
  dispatched_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

/** Per-installation settings of a plugin instance; secrets are encrypted with WARMPATH_SECRET_KEY. */
export interface PluginSettingsTable {
  plugin_id: string;
  instance: string;
  settings: Json<Record<string, JsonValue>>;
  /** AES-256-GCM ciphertext of a JSON object of secret settings, or null. */
  secrets: string | null;
  enabled: Generated<boolean>;
  updated_at: Timestamp;
}

/** The namespaced key/value store plugins get as their `kv` port. */
export interface PluginKvTable {
  namespace: string;
  key: string;
  value: Json<JsonValue>;
  expires_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Append-only record of every state-changing action. */
export interface AuditLogTable {
  id: string;
  at: CreatedAt;
  actor_type: 'user' | 'participant' | 'api_key' | 'system' | 'plugin';
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  changes: Json<JsonValue> | null;
  ip: string | null;
}

export type StaffRole = 'owner' | 'admin' | 'manager' | 'sales' | 'finance' | 'viewer';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** argon2id hash; null until the invitation is accepted. */
  password_hash: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  subject_type: 'user' | 'participant';
  subject_id: string;
  /** SHA-256 of the token secret; the secret itself is never stored. */
  secret_hash: Uint8Array;
  created_at: CreatedAt;
  last_active_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** The visible start of the key (`wp_live_abcd…`), for recognising it in lists. */
  prefix: string;
  /** SHA-256 of the whole key. */
  key_hash: string;
  scopes: Json<string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export type TrackKind = 'client' | 'partner' | 'employee' | 'custom';
export type TrackStatus = 'active' | 'paused' | 'archived';

/** One referral program lane (DESIGN.md §4). Settings beyond the pinned columns live in `settings`. */
export interface TracksTable {
  id: string;
  slug: string;
  name: string;
  kind: TrackKind;
  status: Generated<TrackStatus>;
  landing_url: string;
  allowed_destinations: Json<string[]>;
  attribution_window_days: Generated<number>;
  auto_accept: Generated<boolean>;
  sla_hours: Generated<number>;
  form: Json<JsonValue>;
  settings: Json<Record<string, JsonValue>>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The whole schema, as Kysely sees it. */
export interface Database {
  outbox: OutboxTable;
  plugin_settings: PluginSettingsTable;
  plugin_kv: PluginKvTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  tracks: TracksTable;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type TrackRow = Selectable<TracksTable>;
export type NewTrackRow = Insertable<TracksTable>;
export type TrackUpdate = Updateable<TracksTable>;
export type PluginSettingsRow = Selectable<PluginSettingsTable>;
