import { NotFoundError, type PluginSettingsTarget } from '@warmpath/core';
import type { LoadedPlugin, PluginHost } from '@warmpath/plugin-sdk';

/** A loaded plugin and one of its instances; `NotFoundError` when this server does not run it. */
export function loadedInstance(
  runtime: { pluginHost: PluginHost },
  pluginId: string,
  instance: string,
): { plugin: LoadedPlugin; target: PluginSettingsTarget } {
  const plugin = runtime.pluginHost.plugins().find((candidate) => candidate.id === pluginId);
  if (!plugin?.instances.some((loaded) => loaded.instance === instance)) {
    throw new NotFoundError(`No plugin ${pluginId} with an instance ${instance} is loaded`);
  }
  return {
    plugin,
    target: { pluginId, instance, settingsSchema: plugin.settingsSchema, secretPaths: plugin.secretSettings },
  };
}
