export {
  type MaskedSettings,
  PLUGIN_INSTANCE_DISABLED,
  PLUGIN_INSTANCE_ENABLED,
  PLUGIN_SETTINGS_UPDATED,
  type PluginInstanceEnabled,
  type PluginInstanceSettings,
  pluginInstanceEnabledBodySchema,
  pluginInstanceEnabledSchema,
  pluginInstanceInputSchema,
  pluginInstanceSettingsSchema,
  pluginSettingsPatchSchema,
  type SecretPresence,
  setPluginInstanceEnabledInputSchema,
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
export {
  noticePluginSettingsChanged,
  PLUGIN_SETTINGS_CHANNEL,
  type PluginSettingsChange,
  parsePluginSettingsChange,
  pluginSettingsChangeSchema,
} from './settings-change-notice.js';
