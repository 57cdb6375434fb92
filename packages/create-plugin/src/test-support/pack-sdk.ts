import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-paths.js';
import { runCommand } from './run-command.js';

/** The SDK as a registry would serve it: its tarball, and the manifest and file list inside. */
export interface PackedSdk {
  tarball: string;
  manifest: Record<string, unknown>;
  files: string[];
}

const SDK_DIR = join(REPO_ROOT, 'packages', 'plugin-sdk');

/**
 * Packs `@warmpath/plugin-sdk` with `pnpm pack`, which rewrites `workspace:` and `catalog:` versions and applies
 * `publishConfig` as `pnpm publish` would. Builds it first (esbuild, then tsc for the declarations) unless its
 * dist/ is newer than every source: under `turbo run test` the build task ran already (turbo.json), while a
 * fresh clone or an edited source gets a build here.
 */
export async function packSdk(destination: string): Promise<PackedSdk> {
  if (!(await isSdkBuildCurrent())) await runCommand('pnpm', ['run', 'build'], { cwd: SDK_DIR });
  await runCommand('pnpm', ['pack', '--pack-destination', destination], { cwd: SDK_DIR });
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

/** Whether dist/ was built after the last change to the SDK's sources, manifest or build config. */
async function isSdkBuildCurrent(): Promise<boolean> {
  const built = await Promise.all(
    ['dist/index.js', 'dist/index.d.ts', 'dist/testing/index.d.ts'].map((file) =>
      stat(join(SDK_DIR, file)).then(
        (info) => info.mtimeMs,
        () => Number.NEGATIVE_INFINITY,
      ),
    ),
  );
  const sources = await readdir(join(SDK_DIR, 'src'), { recursive: true, withFileTypes: true });
  const inputs = [
    ...sources.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)),
    join(SDK_DIR, 'package.json'),
    join(SDK_DIR, 'tsconfig.build.json'),
  ];
  const changed = await Promise.all(inputs.map((file) => stat(file).then((info) => info.mtimeMs)));
  return Math.min(...built) > Math.max(...changed);
}
