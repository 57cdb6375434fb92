import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../repo-paths.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where a dev dependency of this package is installed (the real folder, not pnpm's link). */
export function installedPackage(name: string): string {
  return realpathSync(`${PACKAGE_ROOT}node_modules/${name}`);
}

/** The Node entries of the tools the tests run, started with `process.execPath` (no shell, no PATH lookup). */
export const TOOLS = {
  tsc: () => `${installedPackage('typescript')}/bin/tsc`,
  vitest: () => `${installedPackage('vitest')}/vitest.mjs`,
  biome: () => `${REPO_ROOT}node_modules/@biomejs/biome/bin/biome`,
  tsx: () => `${REPO_ROOT}node_modules/tsx/dist/cli.mjs`,
};
