import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The package name in `<dir>/package.json`, or undefined when there is none to read. */
function packageNameIn(dir: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const name = (parsed as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What to do when a WARMPATH_PLUGINS entry cannot be imported. The usual cause is a workspace plugin that was never
 * built (`pnpm start` builds the server, not extra plugins) or a path naming its folder or source, not its built
 * entry; the hint names the build command and the two forms that load.
 */
export function pluginImportHint(specifier: string, isPath: boolean, cwd: string): string {
  const folder = isPath ? /(?:^|[/\\])plugins[/\\]([^/\\]+)/.exec(specifier)?.[1] : undefined;
  const name = folder ?? (isPath ? '<name>' : specifier.split('/').at(-1));
  const pkg = isPath
    ? ((folder && packageNameIn(path.join(cwd, 'plugins', folder))) ?? `./plugins/${name}`)
    : specifier;
  return (
    `build it first (pnpm --filter ${pkg} build), then name its built entry ` +
    `(WARMPATH_PLUGINS=./plugins/${name}/dist/index.js) or its package name` +
    (isPath && pkg.startsWith('./') ? '' : ` (WARMPATH_PLUGINS=${pkg})`)
  );
}
