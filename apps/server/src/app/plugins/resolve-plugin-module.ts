import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AnyWarmpathPlugin, isWarmpathPlugin, PluginLoadError } from '@warmpath/plugin-sdk';
import { pluginImportHint } from './plugin-import-hint.js';

/**
 * Loads a plugin named in WARMPATH_PLUGINS: a path (`./plugins/erp`, `/opt/warmpath/erp`) relative to the working
 * directory, or a package name resolved from the server first and then from the working directory (where a
 * self-hoster installs extra packages). Its default export must come from `definePlugin`.
 */
export async function resolvePluginModule(
  specifier: string,
  cwd = process.cwd(),
): Promise<AnyWarmpathPlugin> {
  const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
  let loaded: { default?: unknown };
  try {
    if (isPath) {
      loaded = await import(pathToFileURL(path.resolve(cwd, specifier)).href);
    } else {
      try {
        loaded = await import(specifier);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
        const resolved = createRequire(path.join(cwd, 'package.json')).resolve(specifier);
        loaded = await import(pathToFileURL(resolved).href);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PluginLoadError(
      specifier,
      `named in WARMPATH_PLUGINS but cannot be imported: ${reason}. ${pluginImportHint(specifier, isPath, cwd)}`,
      { cause: error },
    );
  }
  if (!isWarmpathPlugin(loaded.default)) {
    throw new PluginLoadError(
      specifier,
      'named in WARMPATH_PLUGINS but its default export is not a plugin (export default definePlugin({...}))',
    );
  }
  return loaded.default;
}
