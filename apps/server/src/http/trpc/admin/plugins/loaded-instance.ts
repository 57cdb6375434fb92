import { NotFoundError, type PluginSettingsTarget } from '@warmpath/core';
import type { LoadedPlugin } from '@warmpath/plugin-sdk';
import type { Runtime } from '../../../../app/runtime.js';

/** A loaded plugin and one of its instances; `NotFoundError` when this server does not run it. */
export function loadedInstance(
  runtime: Runtime,
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
