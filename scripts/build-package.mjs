#!/usr/bin/env node
// Builds the package in the current directory: every non-test TypeScript file under src/ is transpiled by esbuild
// to dist/ (same layout, ESM, Node 22 target, source maps). Type checking is `pnpm typecheck`'s job, so builds stay
// fast enough for `pnpm start` on a fresh clone.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import fg from 'fast-glob';

const entryPoints = await fg(['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/*.d.ts']);
await rm('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
});
