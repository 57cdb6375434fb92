/**
 * Host port: the stored settings of each plugin instance (secrets already decrypted), or undefined when the
 * instance was never configured. The host validates them against the plugin's `settingsSchema`.
 */
export interface SettingsSource {
  get(pluginId: string, instance: string): unknown;
}
