import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * One Vitest preset for every package: resolve workspace packages to their TypeScript sources (the
 * `@warmpath/source` export condition), so tests never need a prior build.
 */
export function defineWarmpathVitestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  const conditions = ['@warmpath/source', 'module', 'node', 'development|production'];
  return defineConfig({
    ...overrides,
    resolve: { conditions, ...overrides.resolve },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      ...overrides.test,
    },
  });
}
