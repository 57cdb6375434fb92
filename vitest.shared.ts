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

/**
 * The preset for the browser packages (admin, portal, ui): components render into happy-dom and are driven with
 * Testing Library, so `.test.tsx` files run too. Server-side packages stay on the node environment.
 */
export function defineWarmpathDomVitestConfig(): ViteUserConfig {
  return defineWarmpathVitestConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      // Testing Library unmounts what a test rendered after it only where the runner's globals are defined.
      globals: true,
      // Tests that replace `fetch` or the clipboard get the real ones back afterwards.
      unstubGlobals: true,
    },
  });
}
