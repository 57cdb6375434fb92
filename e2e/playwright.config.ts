import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.js';

/**
 * One Warmpath server (embedded PGlite, in-process jobs, an SMTP sink) is started by the global setup and shared by
 * the specs. Each spec sets up the data it needs over the REST API (support/program-fixtures.ts) under names of its
 * own, so any spec passes alone and in any order; they run one after the other to keep the shared server's load
 * (and its sign-in rate limit) low.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/test-results',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
