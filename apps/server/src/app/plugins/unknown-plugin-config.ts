/**
 * Refuses deploy-time config keyed by a plugin id that no loaded plugin has: a typo there would otherwise leave the
 * real plugin running on its defaults without a word, which is worse than not starting.
 */
export function assertPluginConfigKnown(pluginConfig: Record<string, unknown>, loadedIds: readonly string[]) {
  const unknown = Object.keys(pluginConfig).filter((id) => !loadedIds.includes(id));
  if (unknown.length === 0) return;
  const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
  throw new Error(
    `WARMPATH_PLUGIN_CONFIG has config for ${unknown.length === 1 ? 'a plugin' : 'plugins'} that ${unknown.length === 1 ? 'is' : 'are'} not loaded: ${quoted(unknown)}. ` +
      `Loaded plugins: ${quoted(loadedIds)}. Fix the id, or add the plugin to WARMPATH_PLUGINS.`,
  );
}
