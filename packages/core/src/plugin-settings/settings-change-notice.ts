import { sql } from '@warmpath/db';
import { z } from 'zod';
import type { Executor } from '../common/executor.js';

/**
 * The notification channel of plugin settings changes: every process running plugins listens on it and reloads
 * the instance named (docs/plugins-webhooks-and-live-settings.md "Live settings").
 */
export const PLUGIN_SETTINGS_CHANNEL = 'warmpath_plugin_settings';

/** The payload of a notice on {@link PLUGIN_SETTINGS_CHANNEL}: which instance changed (never its values). */
export const pluginSettingsChangeSchema = z.strictObject({
  pluginId: z.string().min(1),
  instance: z.string().min(1),
});
export type PluginSettingsChange = z.infer<typeof pluginSettingsChangeSchema>;

/**
 * Announces a change of an instance's settings or enabled flag. Called inside the transaction that makes the
 * change: Postgres (and PGlite) deliver the notice when it commits and drop it when it rolls back, so no process
 * reloads a change that did not happen, or reads settings before they are visible.
 */
export async function noticePluginSettingsChanged(
  executor: Executor,
  change: PluginSettingsChange,
): Promise<void> {
  await sql`select pg_notify(${PLUGIN_SETTINGS_CHANNEL}, ${JSON.stringify(change)})`.execute(executor);
}

/** The change a notice names, or undefined for a payload that is not one (another writer on the channel). */
export function parsePluginSettingsChange(payload: string): PluginSettingsChange | undefined {
  try {
    const parsed = pluginSettingsChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
