import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CrmChangesTable,
  CrmPullStateTable,
  CrmRecordsTable,
  CrmSyncStateTable,
  RewardPayoutsTable,
} from './schema-crm-and-payouts.js';

export type * from './schema-crm-and-payouts.js';

/** A timestamptz column: written as Date or ISO string, read as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A jsonb column holding T. Values are written as JSON text (see `json()`), read parsed. */
export type Json<T> = ColumnType<T, string, string>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Side effects committed in the same transaction as the domain change (docs/architecture.md "The outbox
 * flow").
 */
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
  /** Set while the job of a row handed to a non-durable (in-process) queue runs; see OutboxDispatcher. */
  lease_expires_at: Timestamp | null;
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

/** Delivery ids of inbound plugin webhooks already accepted: a second delivery with one of them is a replay. */
export interface PluginWebhookDeliveriesTable {
  plugin_id: string;
  instance: string;
  /** The provider's delivery id (`webhook-id` header or the plugin's), else the sha256 of the raw body. */
  delivery_id: string;
  received_at: CreatedAt;
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

export interface StaffInvitationsTable {
  id: string;
  /** Normalised (lower-case) email the invitation was sent to. */
  email: string;
  name: string;
  role: StaffRole;
  /** Hex SHA-256 of the token in the link. */
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  /** Set when the account was created from it: an invitation works once. */
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  /** Hex SHA-256 of the token in the link. */
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Consecutive failed staff sign-ins per email (known or not), for the lock-out. */
export interface SignInFailuresTable {
  email: string;
  failure_count: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
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

/**
 * One referral program lane (docs/architecture.md "Domain"). Settings beyond the pinned columns live in
 * `settings`.
 */
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

/** A company of the account graph; `domain` is normalised (lower-case, no `www.`) and unique. */
export interface CompaniesTable {
  id: string;
  name: string;
  domain: string;
  is_customer: Generated<boolean>;
  customer_since: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A person of the contact graph; `email` is normalised (trimmed, lower-case) and unique. */
export interface PeopleTable {
  id: string;
  email: string;
  name: string;
  title: string | null;
  company_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A person enrolled as a referrer. */
export interface ParticipantsTable {
  id: string;
  person_id: string;
  status: Generated<'active' | 'disabled'>;
  /**
   * The company the participant said they work for, as they spelled it (self-enrolment, API enrolment). Shown as
   * their company; the directory company of their person (`people.company_id`, keyed by domain) may carry another
   * spelling, or be unknown.
   */
  company_name: string | null;
  /** argon2id hash of the portal password the participant chose; null until they set one. */
  password_hash: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A one-time portal login link of a participant; only the SHA-256 of the token is stored. */
export interface ParticipantLoginTokensTable {
  id: string;
  participant_id: string;
  /** Hex SHA-256 of the token in the link. */
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  /** Set when the link is used: a link signs in once. */
  used_at: Timestamp | null;
  /**
   * Which route accepts it: API login links (`/portal/login`), emailed magic links (`/portal/login/magic`) or
   * emailed password reset links (`/portal/reset-password`, which sets a password and signs nobody in).
   */
  purpose: Generated<'login_link' | 'magic_link' | 'password_reset'>;
}

/** A self-enrolment awaiting email verification; only the SHA-256 of the emailed token is stored. */
export interface PortalEnrolmentRequestsTable {
  id: string;
  track_id: string;
  /** Normalised (trimmed, lower-case). */
  email: string;
  name: string;
  company_name: string | null;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A portal submission's client-chosen id: a repeated submit returns the first referral instead of a second one. */
export interface PortalSubmissionsTable {
  participant_id: string;
  submission_id: string;
  /** Null while the first submit is still in flight. */
  referral_id: string | null;
  created_at: CreatedAt;
}

/** A participant's enrolment in one track, with its unique link code (`/r/{code}`). */
export interface EnrollmentsTable {
  id: string;
  participant_id: string;
  track_id: string;
  code: string;
  created_at: CreatedAt;
}

export type ReferralStatus =
  | 'submitted'
  | 'in_review'
  | 'accepted'
  | 'rejected'
  | 'meeting_booked'
  | 'proposal_sent'
  | 'closed_won'
  | 'closed_lost';
export type FraudDecision = 'allow' | 'review' | 'block';
export type ContactRole =
  | 'decision_maker'
  | 'economic_buyer'
  | 'champion'
  | 'technical_evaluator'
  | 'influencer'
  | 'user'
  | 'other';

/** An introduction. Internal columns (owner, deal, fraud flags with evidence) never reach the portal. */
export interface ReferralsTable {
  id: string;
  track_id: string;
  participant_id: string;
  company_id: string;
  /**
   * The company name as this referral was submitted: shown to its referrer. The company (one per domain) keeps the
   * first spelling any referral gave it.
   */
  company_name: string;
  status: ReferralStatus;
  answers: Json<Record<string, JsonValue>>;
  note: string | null;
  owner_id: string | null;
  fraud_score: Generated<number>;
  fraud_decision: Generated<FraudDecision>;
  /** `[{ rule, code, message, evidence, score }]`: evidence is internal. */
  fraud_flags: Json<JsonValue[]>;
  /** The earlier referral of the same company in the same track inside the window (it keeps priority). */
  duplicate_of_id: string | null;
  deal_amount_minor: number | null;
  deal_currency: string | null;
  landing_click_id: string | null;
  submitted_ip_hash: string | null;
  sla_due_at: Timestamp | null;
  sla_breached_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A member of a referral's buying committee. */
export interface ReferralContactsTable {
  id: string;
  referral_id: string;
  person_id: string;
  role: Generated<ContactRole>;
  position: number;
}

/** Every status change of a referral: who, when, why (cycle length is computed from these). */
export interface ReferralHistoryTable {
  id: string;
  referral_id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  actor_type: 'user' | 'participant' | 'api_key' | 'system' | 'plugin';
  actor_id: string | null;
  reason: string | null;
  at: Timestamp;
}

/** Internal notes on a referral, for staff only. */
export interface ReferralNotesTable {
  id: string;
  referral_id: string;
  author_type: 'user' | 'api_key' | 'system';
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

/** Round-robin position of a track's owner routing fallback. */
export interface TrackRoutingStateTable {
  track_id: string;
  next_index: Generated<number>;
}

/** A recorded `/r/{code}` click (written in batches; no foreign keys on the hot path). */
export interface ClicksTable {
  id: string;
  enrollment_id: string;
  track_id: string;
  participant_id: string;
  occurred_at: Timestamp;
  /** Salted hash of the client IP; the IP itself is never stored. */
  ip_hash: string | null;
  user_agent: string | null;
  is_bot: Generated<boolean>;
  destination: string;
  /** Query parameters of the landing (click ids such as gclid are fraud signals). */
  query: Json<Record<string, string>>;
  /** The referral this click led to, once known. */
  referral_id: string | null;
}

/** An ingested product or customer-success event (a touchpoint), idempotent by `external_id`. */
export interface EventsTable {
  id: string;
  external_id: string;
  type: string;
  occurred_at: Timestamp;
  person_id: string | null;
  company_id: string | null;
  properties: Json<Record<string, JsonValue>>;
  source: Generated<string>;
  received_at: CreatedAt;
}

/** An outbound webhook subscription; the signing secret is sealed with WARMPATH_SECRET_KEY. */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  events: Json<string[]>;
  description: string | null;
  secret_sealed: string;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

/** One message to one endpoint: the delivery log (attempts, last answer) and the unit of redelivery. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  /** The Standard Webhooks `webhook-id`: stable across retries and redeliveries. */
  message_id: string;
  event_type: string;
  payload: Json<JsonValue>;
  status: Generated<'pending' | 'succeeded' | 'failed'>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

/** Where a notification delivery stands: waiting (or between retries), handed to the channel, or given up on. */
export type NotificationDeliveryStatus = 'pending' | 'sent' | 'failed';

/** One notification message to one notifier: the work item `notifications.deliver` sends and retries. */
export interface NotificationDeliveriesTable {
  id: string;
  channel: string;
  /** The notifier's implementation key, `notifiers:plugin:instance:name`. */
  notifier_key: string;
  /** The message's idempotency key; unique per notifier, so asking twice delivers once. */
  idempotency_key: string;
  /** The validated `NotificationMessage`, kept so a retry after a restart sends what was asked. */
  message: Json<JsonValue>;
  status: Generated<NotificationDeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  /** The channel's `NotificationReceipt` once sent. */
  receipt: Json<JsonValue> | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
}

/** The first response to a POST carrying `Idempotency-Key`, replayed for later requests with the same key. */
export interface IdempotencyKeysTable {
  api_key_id: string;
  key: string;
  method: string;
  path: string;
  /** SHA-256 of the request body: the same key with another body is a 422. */
  request_hash: string;
  /** Null while the first request is still being processed. */
  response_status: number | null;
  response_body: Json<JsonValue> | null;
  created_at: CreatedAt;
}

/** The whole schema, as Kysely sees it. */
export interface Database {
  outbox: OutboxTable;
  plugin_settings: PluginSettingsTable;
  plugin_kv: PluginKvTable;
  plugin_webhook_deliveries: PluginWebhookDeliveriesTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  staff_invitations: StaffInvitationsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_failures: SignInFailuresTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  tracks: TracksTable;
  companies: CompaniesTable;
  people: PeopleTable;
  participants: ParticipantsTable;
  enrollments: EnrollmentsTable;
  participant_login_tokens: ParticipantLoginTokensTable;
  portal_enrolment_requests: PortalEnrolmentRequestsTable;
  portal_submissions: PortalSubmissionsTable;
  referrals: ReferralsTable;
  referral_contacts: ReferralContactsTable;
  referral_history: ReferralHistoryTable;
  referral_notes: ReferralNotesTable;
  track_routing_state: TrackRoutingStateTable;
  clicks: ClicksTable;
  events: EventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  idempotency_keys: IdempotencyKeysTable;
  notification_deliveries: NotificationDeliveriesTable;
  crm_records: CrmRecordsTable;
  crm_sync_state: CrmSyncStateTable;
  crm_pull_state: CrmPullStateTable;
  crm_changes: CrmChangesTable;
  reward_payouts: RewardPayoutsTable;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
export type UserRow = Selectable<UsersTable>;
export type StaffInvitationRow = Selectable<StaffInvitationsTable>;
export type PasswordResetTokenRow = Selectable<PasswordResetTokensTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type TrackRow = Selectable<TracksTable>;
export type NewTrackRow = Insertable<TracksTable>;
export type TrackUpdate = Updateable<TracksTable>;
export type PluginSettingsRow = Selectable<PluginSettingsTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ParticipantRow = Selectable<ParticipantsTable>;
export type EnrollmentRow = Selectable<EnrollmentsTable>;
export type ParticipantLoginTokenRow = Selectable<ParticipantLoginTokensTable>;
export type PortalEnrolmentRequestRow = Selectable<PortalEnrolmentRequestsTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type NewReferralRow = Insertable<ReferralsTable>;
export type ReferralContactRow = Selectable<ReferralContactsTable>;
export type ReferralHistoryRow = Selectable<ReferralHistoryTable>;
export type ClickRow = Selectable<ClicksTable>;
export type NewClickRow = Insertable<ClicksTable>;
export type EventRow = Selectable<EventsTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type NotificationDeliveryRow = Selectable<NotificationDeliveriesTable>;
