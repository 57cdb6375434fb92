import { type BootstrapReport, bootstrap } from '../app/bootstrap.js';
import { buildApp } from '../app/build-app.js';
import { createLogger } from '../app/logger.js';
import { createRuntime, type Runtime } from '../app/runtime.js';
import { loadConfig } from '../config/load-config.js';
import { fail } from './with-runtime.js';

const SHUTDOWN_GRACE_MS = 25_000;
const HTTP_DRAIN_MS = 8_000;

function banner(runtime: Runtime, report: BootstrapReport): string {
  const { config } = runtime;
  const lines = [
    '',
    `  Warmpath ${runtime.version} is running (${config.MODE}; ${runtime.database.kind}, ${runtime.queue.driver} jobs)`,
    '',
    `  Admin console   ${config.PUBLIC_URL}/admin/`,
    `  Referrer portal ${config.PUBLIC_URL}/portal/`,
    `  REST API docs   ${config.PUBLIC_URL}/api/v1/docs`,
  ];
  if (report.demoOwner) {
    lines.push(
      '',
      '  Sign in to the demo with (shown only this once):',
      `    email     ${report.demoOwner.email}`,
      `    password  ${report.demoOwner.password}`,
      '  Lost it? `pnpm warmpath admin create --email you@example.com --password <10+ chars>`',
    );
  } else if (report.ownerEmail) {
    lines.push('', `  Sign in as ${report.ownerEmail} with WARMPATH_ADMIN_PASSWORD.`);
  } else {
    lines.push(
      '',
      '  Create a staff account: `pnpm warmpath admin create --email you@example.com --password <10+ chars>`',
    );
  }
  if (report.seededTracks.length > 0)
    lines.push(`  Demo program seeded: tracks ${report.seededTracks.join(', ')}`);
  if (report.demoActivity) {
    const { staff, participants, referrals, clicks } = report.demoActivity;
    lines.push(
      `  Demo data: ${staff} sales reps (no password), ${participants} referrers, ${referrals} referrals and ${clicks}`,
      '  clicks, all made up (*.example addresses). For a program of your own, start on an empty data directory',
      '  with WARMPATH_DEMO=false.',
    );
  }
  return `${lines.join('\n')}\n\n`;
}

/** `warmpath start`: boot, serve, and on SIGTERM/SIGINT stop taking requests, drain jobs, close the database. */
export async function startCommand() {
  let runtime: Runtime | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config);
    runtime = await createRuntime({ config, logger });
    const report = await bootstrap(runtime);
    const app = await buildApp(runtime);
    await runtime.start();
    await app.listen({ port: config.PORT, host: config.HOST });
    process.stdout.write(banner(runtime, report));

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const forced = setTimeout(() => {
        logger.error('graceful shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS);
      forced.unref();
      try {
        // Requests in flight get a grace period; a client that never reads its response must not hold the
        // shutdown (and the job drain behind it) hostage.
        const cutoff = setTimeout(() => app.server.closeAllConnections(), HTTP_DRAIN_MS);
        await app.close();
        clearTimeout(cutoff);
        logger.info('http server closed');
        await runtime?.close();
        logger.info('jobs drained and database closed; bye');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    await runtime?.close().catch(() => {});
    fail(error);
  }
}
