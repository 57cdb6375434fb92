import type { Executor } from '../common/executor.js';

/**
 * Remembers a delivery id of a plugin instance; false when it was already there (a replay). `on conflict do
 * nothing` rather than catching the unique violation: a failed statement would abort the caller's transaction.
 */
export async function insertWebhookDelivery(
  executor: Executor,
  delivery: { pluginId: string; instance: string; deliveryId: string; receivedAt: Date },
): Promise<boolean> {
  const inserted = await executor
    .insertInto('plugin_webhook_deliveries')
    .values({
      plugin_id: delivery.pluginId,
      instance: delivery.instance,
      delivery_id: delivery.deliveryId,
      received_at: delivery.receivedAt,
    })
    .onConflict((oc) => oc.columns(['plugin_id', 'instance', 'delivery_id']).doNothing())
    .returning('delivery_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets delivery ids received before `before`; returns how many. */
export async function deleteWebhookDeliveriesBefore(executor: Executor, before: Date): Promise<number> {
  const deleted = await executor
    .deleteFrom('plugin_webhook_deliveries')
    .where('received_at', '<', before)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
