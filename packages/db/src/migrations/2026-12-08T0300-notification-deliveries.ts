import { type Kysely, sql } from 'kysely';

/**
 * One row per message per notifier: the work item `notifications.deliver` sends, retries and records
 * (docs/plugins-engines-and-health.md "Notification delivery"). The message is kept so a retry after a restart
 * sends what was asked; (notifier_key, idempotency_key) is unique so asking twice delivers once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('notifier_key', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('receipt', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('notification_deliveries_notifier_key_idempotency_key', [
      'notifier_key',
      'idempotency_key',
    ])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_status_idx')
    .on('notification_deliveries')
    .columns(['status', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').ifExists().execute();
}
