export {
  type MaskedSettings,
  PLUGIN_SETTINGS_UPDATED,
  pluginInstanceInputSchema,
  type SecretPresence,
  type UpdatePluginSettingsInput,
  updatePluginSettingsInputSchema,
} from './plugin-settings.schema.js';
export {
  PluginSettingsService,
  type PluginSettingsServiceDeps,
  type PluginSettingsTarget,
} from './plugin-settings.service.js';
