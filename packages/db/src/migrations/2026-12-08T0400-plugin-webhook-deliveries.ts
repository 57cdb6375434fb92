import { type Kysely, sql } from 'kysely';

/**
 * Delivery ids of inbound plugin webhooks, one row per (plugin, instance, delivery): the unique key is what makes a
 * provider's retry of a delivery already applied a 409 instead of a second application
 * (docs/plugins-webhooks-and-live-settings.md "Replay protection"). Housekeeping prunes old rows by received_at.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plugin_webhook_deliveries')
    .addColumn('plugin_id', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('plugin_webhook_deliveries_pk', ['plugin_id', 'instance', 'delivery_id'])
    .execute();
  await db.schema
    .createIndex('plugin_webhook_deliveries_received_at')
    .on('plugin_webhook_deliveries')
    .column('received_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plugin_webhook_deliveries').ifExists().execute();
}
