import type { JsonValue } from '@warmpath/db';
import { z } from 'zod';

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
