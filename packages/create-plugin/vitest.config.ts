import { defineWarmpathVitestConfig } from '../../vitest.shared.js';

// Scaffolding a plugin of every kind and installing one outside the repository runs child processes (tsc,
// vitest, pnpm): the end-to-end file gets minutes, not the preset's 30 seconds.
export default defineWarmpathVitestConfig({ test: { testTimeout: 240_000, hookTimeout: 240_000 } });
