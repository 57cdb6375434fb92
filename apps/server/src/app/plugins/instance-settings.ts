import type {
  AuditContext,
  PluginInstanceEnabled,
  PluginInstanceSettings,
  PluginSettingsService,
  UpdatedPluginInstanceSettings,
} from '@warmpath/core';
import type { PluginHost } from '@warmpath/plugin-sdk';
import { loadedInstance } from './loaded-instance.js';

/** What reading and changing settings outside the console needs: the loaded plugins and the settings service. */
export interface InstanceSettingsDeps {
  pluginHost: PluginHost;
  services: { pluginSettings: PluginSettingsService };
}

/**
 * The stored settings of a loaded plugin instance, secrets masked as `{ set }`: the REST API's and the CLI's shape.
 * `NotFoundError` when this server does not run that plugin instance.
 */
export async function readInstanceSettings(
  deps: InstanceSettingsDeps,
  pluginId: string,
  instance: string,
): Promise<PluginInstanceSettings> {
  const { plugin, target } = loadedInstance(deps, pluginId, instance);
  const values = await deps.services.pluginSettings.maskedSettings(target);
  return { plugin: plugin.id, instance, values, secretSettings: [...plugin.secretSettings] };
}

/**
 * Applies a merge patch to a loaded instance's settings, as `admin.plugins.updateSettings` does: validated by the
 * plugin's schema (`ValidationError` naming each field, nothing saved), audited as `context`, no write when
 * nothing changes. Running servers reload the instance once it commits (live settings).
 */
export async function updateInstanceSettings(
  deps: InstanceSettingsDeps,
  pluginId: string,
  instance: string,
  changes: Record<string, unknown>,
  context: AuditContext,
): Promise<UpdatedPluginInstanceSettings> {
  const { plugin, target } = loadedInstance(deps, pluginId, instance);
  const values = await deps.services.pluginSettings.update(target, changes, context);
  return {
    plugin: plugin.id,
    instance,
    values,
    secretSettings: [...plugin.secretSettings],
    restartRequired: false,
  };
}

/**
 * Turns a loaded instance on or off, as `admin.plugins.setEnabled` does (audited as `context`); running servers
 * reload it once it commits. `NotFoundError` when this server does not run that plugin instance.
 */
export async function setInstanceEnabled(
  deps: InstanceSettingsDeps,
  pluginId: string,
  instance: string,
  enabled: boolean,
  context: AuditContext,
): Promise<PluginInstanceEnabled> {
  const { target } = loadedInstance(deps, pluginId, instance);
  await deps.services.pluginSettings.setEnabled(target, enabled, context);
  return { plugin: pluginId, instance, enabled };
}
