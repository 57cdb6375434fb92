export {
  type MaskedSettings,
  PLUGIN_SETTINGS_UPDATED,
  type PluginInstanceSettings,
  pluginInstanceInputSchema,
  pluginInstanceSettingsSchema,
  pluginSettingsPatchSchema,
  type SecretPresence,
  type UpdatedPluginInstanceSettings,
  type UpdatePluginSettingsInput,
  updatedPluginInstanceSettingsSchema,
  updatePluginSettingsInputSchema,
} from './plugin-settings.schema.js';
export {
  PluginSettingsService,
  type PluginSettingsServiceDeps,
  type PluginSettingsTarget,
} from './plugin-settings.service.js';
