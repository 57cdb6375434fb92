import { json, type PluginSettingsRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function findPluginSettingsRow(
  executor: Executor,
  pluginId: string,
  instance: string,
): Promise<PluginSettingsRow | undefined> {
  return executor
    .selectFrom('plugin_settings')
    .selectAll()
    .where('plugin_id', '=', pluginId)
    .where('instance', '=', instance)
    .executeTakeFirst();
}

/** Stores an instance's settings; a new row starts enabled, an existing one keeps its `enabled`. */
export async function upsertPluginSettingsRow(
  executor: Executor,
  row: {
    pluginId: string;
    instance: string;
    settings: Record<string, unknown>;
    secrets: string | null;
    now: Date;
  },
): Promise<void> {
  const values = {
    settings: json(row.settings as Record<string, never>),
    secrets: row.secrets,
    updated_at: row.now,
  };
  await executor
    .insertInto('plugin_settings')
    .values({ plugin_id: row.pluginId, instance: row.instance, ...values })
    .onConflict((oc) => oc.columns(['plugin_id', 'instance']).doUpdateSet(values))
    .execute();
}

/** Turns an instance on or off, creating its row (with no settings) when it has none; true when it changed. */
export async function setPluginInstanceEnabledRow(
  executor: Executor,
  row: { pluginId: string; instance: string; enabled: boolean; now: Date },
): Promise<boolean> {
  const existing = await findPluginSettingsRow(executor, row.pluginId, row.instance);
  if (existing?.enabled === row.enabled) return false;
  await executor
    .insertInto('plugin_settings')
    .values({
      plugin_id: row.pluginId,
      instance: row.instance,
      settings: json({}),
      enabled: row.enabled,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['plugin_id', 'instance']).doUpdateSet({ enabled: row.enabled, updated_at: row.now }),
    )
    .execute();
  return true;
}
