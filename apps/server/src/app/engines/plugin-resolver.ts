import type { ImplementationResolver } from '@warmpath/core';
import type { ExtensionPointName, ExtensionPointTypes, PluginHost } from '@warmpath/plugin-sdk';
import type { PluginHealth } from '../plugins/plugin-health.js';

/**
 * What core's engines call plugins through: the host's implementations of `point`, each instrumented by plugin
 * health. `host` is read on every call because services are built before the plugins are loaded.
 */
export function pluginResolver<P extends ExtensionPointName>(
  host: () => PluginHost,
  point: P,
  health: PluginHealth,
): ImplementationResolver<ExtensionPointTypes[P]> {
  return {
    list: () => health.list(host(), point),
    get: (key) => health.list(host(), point).find((entry) => entry.key === key)?.impl,
  };
}
