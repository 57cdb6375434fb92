import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KIND_TEMPLATES, type PluginKind } from './kinds.js';
import { TEMPLATES_DIR } from './repo-paths.js';

/** A file to write: its path inside the plugin folder and its text. */
export interface PluginFile {
  path: string;
  text: string;
}

/** The placeholders templates hold, always inside string literals so every template is valid TypeScript. */
export interface TemplateValues {
  pluginId: string;
  displayName: string;
}

/**
 * The source and test files of a kind: `templates/<kind>/`, over `templates/common/` for kinds that talk to a
 * remote system (the JSON client, URL-and-token settings, the loopback server of the stand-ins).
 */
export async function kindFiles(kind: PluginKind, values: TemplateValues): Promise<PluginFile[]> {
  const byPath = new Map<string, string>();
  const sources = KIND_TEMPLATES[kind].isRemote ? ['common', kind] : [kind];
  for (const source of sources) {
    for (const folder of ['src', 'test']) {
      const directory = join(TEMPLATES_DIR, source, folder);
      for (const file of await readdir(directory)) {
        // remote-settings.ts is the default settings.ts of remote kinds; a kind's own settings.ts wins.
        const target = `${folder}/${file === 'remote-settings.ts' ? 'settings.ts' : file}`;
        if (source === 'common' && byPath.has(target)) continue;
        byPath.set(target, fill(await readFile(join(directory, file), 'utf8'), values));
      }
    }
  }
  return [...byPath].map(([path, text]) => ({ path, text }));
}

function fill(text: string, values: TemplateValues): string {
  return text.replaceAll('__PLUGIN_ID__', values.pluginId).replaceAll('__DISPLAY_NAME__', values.displayName);
}
