import { type Kysely, sql } from 'kysely';

/**
 * The plugin runtime's CRM sync and reward payout tables (docs/plugins-crm-and-rewards-engines.md):
 * - `crm_records`: where a referral, its company and its contacts live in each CRM connector, one row per
 *   (connector, kind, local id), so a retried push updates the same row instead of adding one;
 * - `crm_sync_state`: the push state of a referral per connector (ok or failing, with the last error);
 * - `crm_pull_state`: the cursor of each connector's change feed and its last failure;
 * - `crm_changes`: every change a connector reported and what was done with it (applied, recorded, refused);
 * - `reward_payouts`: payouts through a reward provider, unique by idempotency key so a reward is paid once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crm_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('connector_key', 'text', (c) => c.notNull())
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('local_id', 'uuid', (c) => c.notNull())
    .addColumn('external_system', 'text', (c) => c.notNull())
    .addColumn('external_object', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('external_url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('crm_records_local_unique', ['connector_key', 'entity_kind', 'local_id'])
    .addCheckConstraint('crm_records_entity_kind', sql`entity_kind in ('referral', 'company', 'contact')`)
    .execute();
  await db.schema
    .createIndex('crm_records_external_idx')
    .on('crm_records')
    .columns(['connector_key', 'external_id'])
    .execute();

  await db.schema
    .createTable('crm_sync_state')
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('connector_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_synced_at', 'timestamptz')
    .addPrimaryKeyConstraint('crm_sync_state_pk', ['referral_id', 'connector_key'])
    .addCheckConstraint('crm_sync_state_status', sql`status in ('ok', 'failing')`)
    .execute();

  await db.schema
    .createTable('crm_pull_state')
    .addColumn('connector_key', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_pulled_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('crm_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('connector_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('referral_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('change', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('crm_changes_outcome', sql`outcome in ('applied', 'recorded', 'refused')`)
    .execute();
  await db.schema.createIndex('crm_changes_referral_idx').on('crm_changes').column('referral_id').execute();

  await db.schema
    .createTable('reward_payouts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('provider_key', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'jsonb', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('catalog_item_id', 'text')
    .addColumn('meta', 'jsonb')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('provider_ref', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'reward_payouts_status',
      sql`status in ('pending', 'processing', 'delivered', 'failed', 'canceled')`,
    )
    .addCheckConstraint('reward_payouts_amount', sql`amount_minor > 0`)
    .execute();
  await db.schema
    .createIndex('reward_payouts_ref_idx')
    .on('reward_payouts')
    .columns(['provider_key', 'provider_ref'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reward_payouts').execute();
  await db.schema.dropTable('crm_changes').execute();
  await db.schema.dropTable('crm_pull_state').execute();
  await db.schema.dropTable('crm_sync_state').execute();
  await db.schema.dropTable('crm_records').execute();
}
