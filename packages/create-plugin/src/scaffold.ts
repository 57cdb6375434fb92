import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PluginKind } from './kinds.js';
import type { PluginLayout } from './layout.js';
import {
  gitignore,
  packageJson,
  type StandaloneVersions,
  tsconfigBuildJson,
  tsconfigJson,
  vitestConfig,
} from './manifest.js';
import { displayNameOf, pluginNameProblem } from './plugin-name.js';
import { readme } from './readme.js';
import { catalogVersions, sdkPackageVersion } from './repo-paths.js';
import { kindFiles, type PluginFile } from './template-files.js';

/** What to scaffold, and where. */
export interface ScaffoldOptions {
  kind: PluginKind;
  /** The plugin name: folder, plugin id and package name suffix. */
  name: string;
  /** The plugin's folder; it must not exist, or be empty. */
  targetDir: string;
  layout: PluginLayout;
  /** Defaults to this checkout's workspace catalog and SDK version. */
  versions?: StandaloneVersions;
}

/** What was written. */
export interface ScaffoldResult {
  targetDir: string;
  packageName: string;
  /** Paths inside `targetDir`, sorted. */
  files: string[];
}

/** A scaffold refused its input; the message says why and is meant for the person who typed the command. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/** Writes a plugin of `kind` into `targetDir`: manifest, tsconfig, settings, implementation, stand-in, tests. */
export async function scaffoldPlugin(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const problem = pluginNameProblem(options.name);
  if (problem) throw new ScaffoldError(problem);
  await refuseNonEmptyFolder(options.targetDir);

  const { kind, name, layout } = options;
  const versions = options.versions ?? { catalog: catalogVersions(), sdkVersion: sdkPackageVersion() };
  const packageName = layout.type === 'workspace' ? `@warmpath/plugin-${name}` : `warmpath-plugin-${name}`;
  const files: PluginFile[] = [
    { path: 'package.json', text: packageJson(kind, name, layout, versions) },
    { path: 'tsconfig.json', text: tsconfigJson(layout) },
    { path: 'vitest.config.ts', text: vitestConfig(layout) },
    { path: 'README.md', text: readme(kind, name, packageName, layout) },
    ...(layout.type === 'standalone'
      ? [
          { path: 'tsconfig.build.json', text: tsconfigBuildJson() },
          { path: '.gitignore', text: gitignore() },
        ]
      : []),
    ...(await kindFiles(kind, { pluginId: name, displayName: displayNameOf(name) })),
  ];
  for (const file of files) {
    const path = join(options.targetDir, file.path);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': never overwrite, even if something appeared since the check above.
    await writeFile(path, file.text, { flag: 'wx' });
  }
  return { targetDir: options.targetDir, packageName, files: files.map((file) => file.path).sort() };
}

async function refuseNonEmptyFolder(targetDir: string): Promise<void> {
  const existing = await stat(targetDir).catch(() => null);
  if (existing === null) return;
  if (!existing.isDirectory()) throw new ScaffoldError(`${targetDir} exists and is not a folder`);
  if ((await readdir(targetDir)).length > 0) {
    throw new ScaffoldError(`${targetDir} already exists and is not empty: choose another name or --dir`);
  }
}
