import { type Kysely, sql } from 'kysely';

/**
 * The referral program's data (issue 3): the account/contact directory, participants and their link codes, referrals
 * with their buying committee, history and internal notes, clicks and ingested events (touchpoints), outbound
 * webhooks and their deliveries, and stored responses for `Idempotency-Key` replays.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('is_customer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('customer_since', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('company_id', 'uuid', (c) => c.references('companies.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('people_company_idx').on('people').column('company_id').execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().unique().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id'))
    .addColumn('track_id', 'uuid', (c) => c.notNull().references('tracks.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('enrollments_participant_track_key', ['participant_id', 'track_id'])
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('track_id', 'uuid', (c) => c.notNull().references('tracks.id'))
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id'))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('companies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('owner_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('fraud_score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fraud_decision', 'text', (c) => c.notNull().defaultTo('allow'))
    .addColumn('fraud_flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('duplicate_of_id', 'uuid', (c) => c.references('referrals.id'))
    .addColumn('deal_amount_minor', 'bigint')
    .addColumn('deal_currency', 'text')
    .addColumn('landing_click_id', 'uuid')
    .addColumn('submitted_ip_hash', 'text')
    .addColumn('sla_due_at', 'timestamptz')
    .addColumn('sla_breached_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('referrals_track_company_idx')
    .on('referrals')
    .columns(['track_id', 'company_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_company_idx')
    .on('referrals')
    .columns(['company_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_participant_idx')
    .on('referrals')
    .columns(['participant_id', 'created_at'])
    .execute();
  await db.schema.createIndex('referrals_status_idx').on('referrals').columns(['status', 'id']).execute();
  await sql`create index referrals_sla_open_idx on referrals (sla_due_at) where sla_breached_at is null and status in ('submitted', 'in_review')`.execute(
    db,
  );

  await db.schema
    .createTable('referral_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('referral_contacts_referral_person_key', ['referral_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('referral_contacts_person_idx')
    .on('referral_contacts')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('referral_history')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referral_history_referral_idx')
    .on('referral_history')
    .columns(['referral_id', 'at'])
    .execute();

  await db.schema
    .createTable('referral_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('referral_notes_referral_idx')
    .on('referral_notes')
    .columns(['referral_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('track_routing_state')
    .addColumn('track_id', 'uuid', (c) => c.primaryKey().references('tracks.id'))
    .addColumn('next_index', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('clicks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('enrollment_id', 'uuid', (c) => c.notNull())
    .addColumn('track_id', 'uuid', (c) => c.notNull())
    .addColumn('participant_id', 'uuid', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip_hash', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('is_bot', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('query', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('referral_id', 'uuid')
    .execute();
  await db.schema
    .createIndex('clicks_enrollment_idx')
    .on('clicks')
    .columns(['enrollment_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('clicks_ip_hash_idx')
    .on('clicks')
    .columns(['ip_hash', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('company_id', 'uuid', (c) => c.references('companies.id'))
    .addColumn('properties', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('api'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('events_company_idx')
    .on('events')
    .columns(['company_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('events_person_idx')
    .on('events')
    .columns(['person_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'uuid', (c) =>
      c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addUniqueConstraint('webhook_deliveries_endpoint_message_key', ['endpoint_id', 'message_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint_idx')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('api_key_id', 'uuid', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_key_id', 'key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'webhook_deliveries',
    'webhook_endpoints',
    'events',
    'clicks',
    'track_routing_state',
    'referral_notes',
    'referral_history',
    'referral_contacts',
    'referrals',
    'enrollments',
    'participants',
    'people',
    'companies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
