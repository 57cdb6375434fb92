import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-paths.js';
import { runCommand } from './run-command.js';

/** The SDK as a registry would serve it: its tarball, and the manifest and file list inside. */
export interface PackedSdk {
  tarball: string;
  manifest: Record<string, unknown>;
  files: string[];
}

/**
 * Builds `@warmpath/plugin-sdk` (esbuild, then tsc for the declarations) and packs it with `pnpm pack`, which
 * rewrites `workspace:` and `catalog:` versions and applies `publishConfig` as `pnpm publish` would.
 */
export async function packSdk(destination: string): Promise<PackedSdk> {
  const sdkDir = join(REPO_ROOT, 'packages', 'plugin-sdk');
  await runCommand('pnpm', ['run', 'build'], { cwd: sdkDir });
  await runCommand('pnpm', ['pack', '--pack-destination', destination], { cwd: sdkDir });
  const tarballName = (await readdir(destination)).find((file) => file.endsWith('.tgz'));
  if (tarballName === undefined) throw new Error(`pnpm pack wrote no tarball into ${destination}`);
  const tarball = join(destination, tarballName);
  await runCommand('tar', ['-xzf', tarball, '-C', destination, 'package/package.json'], { cwd: destination });
  const manifest = JSON.parse(await readFile(join(destination, 'package', 'package.json'), 'utf8'));
  const files = (await runCommand('tar', ['-tzf', tarball], { cwd: destination }))
    .split('\n')
    .filter(Boolean);
  return { tarball, manifest, files };
}
