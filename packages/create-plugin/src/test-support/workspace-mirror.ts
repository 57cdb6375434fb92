import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../repo-paths.js';
import { installedPackage } from './package-paths.js';

/** What a workspace plugin reaches outside its folder: the dependencies and shared config of the root. */
const LINKED_PACKAGES = ['@warmpath/plugin-sdk', 'zod', 'vitest', 'typescript', '@types/node'];

/**
 * Makes `root` look like this repository to a plugin in `root/plugins/<name>`: the root's tsconfig.base.json
 * and vitest.shared.ts, and node_modules linking the SDK (its sources, through the `@warmpath/source`
 * condition, so no build is needed) and the tools. Scaffolded plugins are then checked exactly as generated,
 * without `pnpm install` touching the repository's lock file or its plugins/ folder.
 */
export async function createWorkspaceMirror(root: string): Promise<void> {
  await mkdir(join(root, 'plugins'), { recursive: true });
  // ESM like the repository's root package.json, so Vite loads the TypeScript configs as modules.
  await writeFile(join(root, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  await copyFile(join(REPO_ROOT, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  await copyFile(join(REPO_ROOT, 'vitest.shared.ts'), join(root, 'vitest.shared.ts'));
  for (const name of LINKED_PACKAGES) {
    const link = join(root, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(installedPackage(name), link, 'dir');
  }
  // Biome with the repository's rules; vcs off because the mirror is no git checkout.
  await writeFile(
    join(root, 'biome.json'),
    JSON.stringify({ extends: [join(REPO_ROOT, 'biome.json')], vcs: { enabled: false }, root: true }),
  );
}
