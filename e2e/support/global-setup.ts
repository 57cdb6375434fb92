import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishE2eEnvironment } from './environment.js';
import { startMailSink } from './mail-sink.js';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const healthDeadlineMs = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the server and both apps (a turbo cache hit when `pnpm test` or `pnpm start` built them already). */
function buildApps(): void {
  if (process.env.WARMPATH_E2E_SKIP_BUILD === '1') return;
  execFileSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@warmpath/server...',
      '--filter=@warmpath/admin',
      '--filter=@warmpath/portal',
      '--output-logs=errors-only',
    ],
    { cwd: repositoryRoot, stdio: 'inherit' },
  );
}

async function waitForHealth(baseUrl: string, exited: () => string | null): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < healthDeadlineMs) {
    const exit = exited();
    if (exit !== null) throw new Error(`The Warmpath server exited before it was healthy (${exit})`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl}/healthz did not answer within ${healthDeadlineMs / 1000} s`);
}

/**
 * Starts a fresh Warmpath (embedded PGlite in a temporary data directory, in-process jobs, no demo data unless
 * WARMPATH_E2E_DEMO=1) whose email goes to a local SMTP sink, with an all-scopes API key specs set up their own
 * data with. Returns the teardown, which stops both and deletes the data.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  buildApps();
  const workDirectory = await mkdtemp(path.join(tmpdir(), 'warmpath-e2e-'));
  const mailDirectory = path.join(workDirectory, 'mail');
  const mailSink = await startMailSink(mailDirectory);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminEmail = 'owner@e2e.warmpath.test';
  const adminPassword = 'e2e-owner-password-1';
  const apiKey = `wp_e2e_${randomBytes(24).toString('base64url')}`;

  const server = spawn(process.execPath, [path.join(repositoryRoot, 'apps/server/dist/cli.js'), 'start'], {
    cwd: workDirectory,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      WARMPATH_DATA_DIR: path.join(workDirectory, 'data'),
      WARMPATH_ADMIN_EMAIL: adminEmail,
      WARMPATH_ADMIN_PASSWORD: adminPassword,
      WARMPATH_BOOTSTRAP_API_KEY: apiKey,
      // Off by default (a fresh, empty program); WARMPATH_E2E_DEMO=1 runs the same specs next to the demo data.
      WARMPATH_DEMO: process.env.WARMPATH_E2E_DEMO === '1' ? 'true' : 'false',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${mailSink.port}`,
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) =>
    server.once('exit', (code, signal) => {
      exit = signal ?? `code ${code}`;
      resolve();
    }),
  );

  const teardown = async () => {
    if (exit === null) {
      server.kill('SIGTERM');
      await exited;
    }
    await mailSink.close();
    await rm(workDirectory, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, () => exit);
  } catch (error) {
    await teardown();
    throw error;
  }
  publishE2eEnvironment({ baseUrl, mailDirectory, adminEmail, adminPassword, apiKey });
  return teardown;
}
