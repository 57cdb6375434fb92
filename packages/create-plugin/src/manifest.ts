import { KIND_TEMPLATES, type PluginKind } from './kinds.js';
import type { PluginLayout } from './layout.js';

/** The versions a standalone plugin pins (from the workspace catalog) and the SDK's package version. */
export interface StandaloneVersions {
  catalog: Record<string, string>;
  sdkVersion: string;
}

/** The plugin's `package.json`, as pnpm and Biome expect it (two-space JSON, final newline). */
export function packageJson(
  kind: PluginKind,
  name: string,
  layout: PluginLayout,
  versions: StandaloneVersions,
): string {
  const common = {
    version: '0.1.0',
    // Nothing to publish by accident: a plugin is deployed with the server, not from a registry.
    private: true,
    description: KIND_TEMPLATES[kind].summary,
    type: 'module',
  };
  const scripts = { typecheck: 'tsc --noEmit', test: 'vitest run' };
  const manifest =
    layout.type === 'workspace'
      ? {
          name: `@warmpath/plugin-${name}`,
          ...common,
          // The source condition lets tests and tsc read src/ without a build; the server runs dist/.
          exports: { '.': { '@warmpath/source': './src/index.ts', default: './dist/index.js' } },
          files: ['dist', 'src'],
          scripts: { build: 'node ../../scripts/build-package.mjs', ...scripts },
          // A dependency as well as a peer: the image's production install links dependencies only
          // (docs/plugin-authoring.md, "Anatomy of a plugin package").
          dependencies: { '@warmpath/plugin-sdk': 'workspace:*', zod: 'catalog:' },
          peerDependencies: { '@warmpath/plugin-sdk': 'workspace:^' },
        }
      : {
          name: `warmpath-plugin-${name}`,
          ...common,
          exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
          files: ['dist'],
          scripts: { build: 'tsc -p tsconfig.build.json', ...scripts },
          dependencies: { '@warmpath/plugin-sdk': layout.sdkSpec, zod: catalogVersion(versions, 'zod') },
          peerDependencies: { '@warmpath/plugin-sdk': `^${versions.sdkVersion}` },
          devDependencies: {
            '@types/node': catalogVersion(versions, '@types/node'),
            typescript: catalogVersion(versions, 'typescript'),
            vitest: catalogVersion(versions, 'vitest'),
          },
        };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function catalogVersion(versions: StandaloneVersions, name: string): string {
  const version = versions.catalog[name];
  if (version === undefined) throw new Error(`pnpm-workspace.yaml's catalog has no version of ${name}`);
  return version;
}

/** `tsconfig.json`: type checks src/ and test/ (a test that no longer compiles fails the check too). */
export function tsconfigJson(layout: PluginLayout): string {
  const config =
    layout.type === 'workspace'
      ? {
          extends: '../../tsconfig.base.json',
          compilerOptions: { noEmit: true, types: ['node'] },
          include: ['src', 'test'],
        }
      : {
          // The repository's strict settings (tsconfig.base.json), without its source export condition.
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noUncheckedIndexedAccess: true,
            noImplicitOverride: true,
            esModuleInterop: true,
            skipLibCheck: true,
            forceConsistentCasingInFileNames: true,
            isolatedModules: true,
            verbatimModuleSyntax: true,
            types: ['node'],
            noEmit: true,
          },
          include: ['src', 'test'],
        };
  return tsconfigText(config);
}

/** `tsconfig.build.json` of a standalone plugin: src/ to dist/, JavaScript and declarations. */
export function tsconfigBuildJson(): string {
  const config = {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, declaration: true, rootDir: 'src', outDir: 'dist' },
    include: ['src'],
  };
  return tsconfigText(config);
}

/**
 * Two-space JSON with short arrays of strings on one line, as Biome formats a tsconfig (it keeps
 * package.json's arrays expanded, so package.json does not go through this).
 */
function tsconfigText(config: object): string {
  const text = JSON.stringify(config, null, 2).replace(
    /\[\s+("[^"\n]*"(?:,\s+"[^"\n]*")*)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`,
  );
  return `${text}\n`;
}

/** `vitest.config.ts`: the repository's preset inside it, plain Vitest outside. */
export function vitestConfig(layout: PluginLayout): string {
  return layout.type === 'workspace'
    ? "import { defineWarmpathVitestConfig } from '../../vitest.shared.js';\n\nexport default defineWarmpathVitestConfig();\n"
    : "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n";
}

/** `.gitignore` of a standalone plugin (inside the repository, the root one applies). */
export function gitignore(): string {
  return 'node_modules/\ndist/\n';
}
