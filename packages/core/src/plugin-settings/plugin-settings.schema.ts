import type { JsonValue } from '@warmpath/db';
import { z } from 'zod';
import { jsonValueSchema } from '../common/json-value.schema.js';

/** `{ pluginId, instance }` of a loaded plugin instance. */
export const pluginInstanceInputSchema = z.strictObject({
  pluginId: z.string().min(1).max(100),
  instance: z.string().min(1).max(100),
});

/**
 * `admin.plugins.updateSettings` input: the settings to change, as a merge patch of the stored ones (only what
 * is named changes; `null` puts a setting back to its default); an omitted or empty secret keeps the stored one.
 */
export const updatePluginSettingsInputSchema = pluginInstanceInputSchema.extend({
  changes: z.record(z.string(), z.json()),
});
export type UpdatePluginSettingsInput = z.infer<typeof updatePluginSettingsInputSchema>;

/** Whether a secret setting has a stored value: what the console sees instead of the secret. */
export interface SecretPresence {
  set: boolean;
}

/** Stored settings of an instance as the console may see them: every secret replaced by {@link SecretPresence}. */
export type MaskedSettings = { [key: string]: JsonValue | SecretPresence };

/** Audit action of a settings change. */
export const PLUGIN_SETTINGS_UPDATED = 'plugin.settings_updated';
/** Audit action of turning an instance on. */
export const PLUGIN_INSTANCE_ENABLED = 'plugin.instance_enabled';
/** Audit action of turning an instance off. */
export const PLUGIN_INSTANCE_DISABLED = 'plugin.instance_disabled';

/** `admin.plugins.setEnabled` input: turn an instance on or off. */
export const setPluginInstanceEnabledInputSchema = pluginInstanceInputSchema.extend({ enabled: z.boolean() });

/** The body of `PUT /api/v1/plugins/{id}/instances/{instance}/enabled`. */
export const pluginInstanceEnabledBodySchema = z.strictObject({
  enabled: z
    .boolean()
    .describe(
      'false stops the instance in every running server (its routes, webhooks and jobs); true starts it.',
    ),
});

/** Whether an instance is on, as the REST API and the CLI answer after switching it. */
export const pluginInstanceEnabledSchema = z.object({
  plugin: z.string().describe('The plugin id.'),
  instance: z.string().describe('The instance name.'),
  enabled: z.boolean().describe('Whether the instance runs now (running servers follow within seconds).'),
});
export type PluginInstanceEnabled = z.infer<typeof pluginInstanceEnabledSchema>;

/**
 * The body of `PUT /api/v1/plugins/{id}/instances/{instance}/settings`: the settings to change, as a merge patch
 * (the `changes` of `admin.plugins.updateSettings`).
 */
export const pluginSettingsPatchSchema = z
  .record(z.string(), jsonValueSchema)
  .describe(
    'Settings to change, merged into the stored ones: only what is named changes, groups merge, lists are replaced ' +
      'whole, `null` puts a setting back to its default. A secret left out, empty or null keeps its stored value.',
  );

/** One instance's stored settings as the REST API answers them: secrets only as `{ "set": true|false }`. */
export const pluginInstanceSettingsSchema = z.object({
  plugin: z.string().describe('The plugin id.'),
  instance: z.string().describe('The instance name (`default` unless several are configured).'),
  values: z
    .record(z.string(), z.union([z.object({ set: z.boolean() }), jsonValueSchema]))
    .describe(
      'The settings someone set (a setting never set follows the plugin default); each secret is `{ "set": true|false }`.',
    ),
  secretSettings: z.array(z.string()).describe('Dotted paths of the write-only secret settings.'),
});
export type PluginInstanceSettings = z.infer<typeof pluginInstanceSettingsSchema>;

/** The answer to a settings change: the settings now stored, and whether a restart is needed to apply them. */
export const updatedPluginInstanceSettingsSchema = pluginInstanceSettingsSchema.extend({
  restartRequired: z
    .boolean()
    .describe(
      'Always false: every running server reloads the instance with the saved settings within seconds (kept for ' +
        'clients written when settings applied at the next restart).',
    ),
});
export type UpdatedPluginInstanceSettings = z.infer<typeof updatedPluginInstanceSettingsSchema>;
