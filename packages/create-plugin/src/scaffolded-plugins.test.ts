import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_KINDS } from './kinds.js';
import { REPO_ROOT } from './repo-paths.js';
import { scaffoldPlugin } from './scaffold.js';
import { loadCheckScript } from './test-support/load-check.js';
import { packSdk } from './test-support/pack-sdk.js';
import { TOOLS } from './test-support/package-paths.js';
import { runCommand } from './test-support/run-command.js';
import { timed } from './test-support/timed.js';
import { createWorkspaceMirror } from './test-support/workspace-mirror.js';

// End to end: what `pnpm create-plugin` writes must lint, type check and pass its contract suite with no edits,
// inside the repository and outside it against the packed SDK. The two cases run concurrently (most of their
// time is child processes), and the six workspace plugins share one folder: one set of linked dependencies,
// one tsc run and one Vitest run.
const plain = { NO_COLOR: '1', FORCE_COLOR: '0' };
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'warmpath-create-plugin-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.concurrent('pnpm create-plugin', () => {
  it('writes plugins of every kind that are Biome-clean, type check and pass their contract suites', async () => {
    const workspace = join(scratch, 'workspace');
    await createWorkspaceMirror(workspace);
    const names = PLUGIN_KINDS.map((kind) => `acme-${kind}`);
    for (const [index, kind] of PLUGIN_KINDS.entries()) {
      const name = names[index] ?? kind;
      const targetDir = join(workspace, 'plugins', name);
      await scaffoldPlugin({ kind, name, targetDir, layout: { type: 'workspace' } });
    }
    // Every generated tsconfig.json is the same file, so one tsc run with it over all six checks each plugin as
    // `pnpm --filter <package> typecheck` would, parsing the SDK's sources once instead of six times.
    const tsconfigs = await Promise.all(
      names.map((name) => readFile(join(workspace, 'plugins', name, 'tsconfig.json'), 'utf8')),
    );
    expect(new Set(tsconfigs).size).toBe(1);
    await writeFile(
      join(workspace, 'tsconfig.json'),
      JSON.stringify({
        extends: `./plugins/${names[0]}/tsconfig.json`,
        include: ['plugins/*/src', 'plugins/*/test'],
      }),
    );
    await writeFile(
      join(workspace, 'vitest.config.ts'),
      "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { projects: ['plugins/*'] } });\n",
    );

    const [, , tests] = await Promise.all([
      timed('workspace: biome', () =>
        runCommand(process.execPath, [TOOLS.biome(), 'check', '--error-on-warnings', 'plugins'], {
          cwd: workspace,
        }),
      ),
      timed('workspace: tsc', () =>
        runCommand(process.execPath, [TOOLS.tsc(), '--noEmit', '-p', '.'], { cwd: workspace }),
      ),
      timed('workspace: vitest', () =>
        runCommand(process.execPath, [TOOLS.vitest(), 'run'], { cwd: workspace, env: plain }),
      ),
    ]);
    expect(tests).toMatch(/Test Files\s+6 passed \(6\)/);
  });

  it('writes a plugin outside the repository that installs, builds, passes and loads against the packed SDK', async () => {
    const packDir = join(scratch, 'pack');
    await mkdir(packDir);
    const sdk = await timed('outside: pack the SDK (building it when dist/ is stale)', () =>
      packSdk(packDir),
    );
    // What a registry would serve: no workspace-only versions, typed entry points, nothing private.
    expect(JSON.stringify(sdk.manifest)).not.toMatch(/workspace:|catalog:|@warmpath\/source/);
    expect(sdk.manifest.private).toBeUndefined();
    expect(sdk.manifest.exports).toMatchObject({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './testing': { types: './dist/testing/index.d.ts', default: './dist/testing/index.js' },
      './vocabulary': { types: './dist/vocabulary.d.ts', default: './dist/vocabulary.js' },
    });
    expect(sdk.files).toEqual(
      expect.arrayContaining(['package/README.md', 'package/dist/testing/index.d.ts']),
    );
    expect(sdk.files.filter((file) => /test-fixtures|\.test\.|\/src\//.test(file))).toEqual([]);

    const pluginDir = join(scratch, 'outside', 'acme-crm');
    const sdkSpec = `file:${sdk.tarball}`;
    // The command `pnpm create-plugin` runs (the root script is `tsx packages/create-plugin/src/cli.ts`), started
    // directly: pnpm would first check the repository's install, seconds this test does not need to spend.
    const cli = [
      'packages/create-plugin/src/cli.ts',
      'crm',
      'acme-crm',
      '--dir',
      pluginDir,
      '--sdk',
      sdkSpec,
    ];
    await timed('outside: create-plugin --dir', () =>
      runCommand(process.execPath, [TOOLS.tsx(), ...cli], { cwd: REPO_ROOT }),
    );
    // From pnpm's store when it has everything (it does after the repository's install, unless its metadata
    // cache is cold); else from the registry. --no-frozen-lockfile: CI=true would otherwise demand a lock file.
    const install = ['install', '--no-frozen-lockfile'];
    await timed('outside: pnpm install', () =>
      runCommand('pnpm', [...install, '--offline'], { cwd: pluginDir }).catch(() =>
        timed('outside: pnpm install --offline failed, now --prefer-offline', () =>
          runCommand('pnpm', [...install, '--prefer-offline'], { cwd: pluginDir }),
        ),
      ),
    );
    await writeFile(
      join(pluginDir, 'load-check.mjs'),
      loadCheckScript({ baseUrl: 'http://127.0.0.1:9/api', token: 'load-check-token' }),
    );

    const [, tests, loaded] = await Promise.all([
      timed('outside: typecheck', () => runCommand('pnpm', ['run', 'typecheck'], { cwd: pluginDir })),
      timed('outside: test', () => runCommand('pnpm', ['run', 'test'], { cwd: pluginDir, env: plain })),
      timed('outside: build and load', async () => {
        await runCommand('pnpm', ['run', 'build'], { cwd: pluginDir });
        return runCommand(process.execPath, ['load-check.mjs'], { cwd: pluginDir });
      }),
    ]);
    expect(tests).toMatch(/Test Files\s+1 passed \(1\)/);
    expect(JSON.parse(loaded)).toEqual([
      {
        id: 'acme-crm',
        instances: [
          {
            instance: 'default',
            status: 'active',
            problems: [],
            implementations: ['crm:acme-crm:default:crm'],
          },
        ],
      },
    ]);
  });
});
