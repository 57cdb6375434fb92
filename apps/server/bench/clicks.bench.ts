/**
 * `pnpm bench` (apps/server): load on the click redirect, measured against a baseline in the same run.
 *
 * Starts the real server (Postgres when it answers, else PGlite) and a bare Fastify app with the same settings whose
 * route only redirects, both on 127.0.0.1, and loads each with autocannon (50 connections, a short warm-up, then
 * ~10 s). Prints req/s of both and their ratio (target ≥ 0.8), the p99 latency of /r (target ≤ 25 ms), and, after
 * the load and the final flush, the redirects the server answered against the click rows written (must be equal).
 * The load generator runs in a worker thread so it does not share the servers' event loop. Exits 1 when clicks were
 * lost; performance targets are reported, not enforced (the machine is shared).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { createInProcessQueue } from '@warmpath/jobs';
import autocannon from 'autocannon';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app/build-app.js';
import { createLogger } from '../src/app/logger.js';
import { createRuntime } from '../src/app/runtime.js';
import { loadConfig } from '../src/config/load-config.js';
import { seedEnrollment } from '../src/links/link-fixtures.js';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 25;
const CODE = 'bench_link';
const LANDING = 'https://example.com/welcome?utm_source=partner';
// A current desktop browser: clicks must count as human.
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

// Never hang: whatever happens, the process ends.
setTimeout(() => {
  console.error('bench: took too long, giving up');
  process.exit(2);
}, 180_000).unref();

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
    headers: { 'user-agent': USER_AGENT, accept: 'text/html' },
  });
}

async function loadWithWarmup(url: string) {
  await load(url, WARMUP_SECONDS);
  return load(url, MEASURE_SECONDS);
}

/** 302s the server itself answered on /r (from the request-duration histogram /metrics serves). */
async function answeredRedirects(app: FastifyInstance): Promise<number> {
  const metric = app.metricsRegistry.getSingleMetric('warmpath_http_request_duration_seconds');
  // Histogram values carry the series name (`_count`, `_sum`, `_bucket`) beside their labels.
  const values = ((await metric?.get())?.values ?? []) as {
    metricName?: string;
    labels: Record<string, string | number>;
    value: number;
  }[];
  return values
    .filter(
      (value) =>
        value.metricName === 'warmpath_http_request_duration_seconds_count' &&
        value.labels.route === '/r/:code' &&
        value.labels.status_code === '302',
    )
    .reduce((sum, value) => sum + value.value, 0);
}

const kinds = await testDatabaseKinds();
const databaseKind = kinds.includes('postgres') ? 'postgres' : 'pglite';
const database = await createTestDatabase(databaseKind);
const config = loadConfig({
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1:3000',
  WARMPATH_SECRET_KEY: randomBytes(32).toString('base64url'),
  WARMPATH_DEMO: 'false',
});
const logger = createLogger(config);
const runtime = await createRuntime({ config, logger, database, queue: createInProcessQueue({ logger }) });
const seeded = await seedEnrollment(database.db, { code: CODE, landingUrl: LANDING });
const app = await buildApp(runtime);

// The baseline: the same Fastify settings as buildApp, one route that only redirects.
const baseline = Fastify({
  loggerInstance: createLogger(config) as FastifyBaseLogger,
  bodyLimit: 1024 * 1024,
  requestIdHeader: 'x-request-id',
  trustProxy: true,
  routerOptions: { maxParamLength: 5000 },
  forceCloseConnections: 'idle',
});
baseline.get<{ Params: { code: string } }>('/r/:code', async (request, reply) =>
  reply.code(302).header('location', `${LANDING}&wp_ref=${request.params.code}`).send(),
);

let exitCode = 0;
try {
  const baselineUrl = await listen(baseline);
  const serverUrl = await listen(app);
  console.log(
    `bench/clicks: ${databaseKind}, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s each`,
  );

  const bare = await loadWithWarmup(`${baselineUrl}/r/${CODE}`);
  await baseline.close();
  const real = await loadWithWarmup(`${serverUrl}/r/${CODE}`);

  const answered = await answeredRedirects(app);
  // Closing the app writes the click buffer (onClose), before the database closes below.
  await app.close();
  const rows = await database.db
    .selectFrom('clicks')
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      (eb) => eb.fn.countAll<number>().filterWhere('is_bot', '=', false).as('human'),
    ])
    .where('enrollment_id', '=', seeded.enrollmentId)
    .executeTakeFirstOrThrow();

  const ratio = real.requests.average / bare.requests.average;
  const p99 = real.latency.p99;
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`baseline redirect   ${bare.requests.average.toFixed(0)} req/s  p99 ${bare.latency.p99} ms`);
  console.log(
    `GET /r/:code        ${real.requests.average.toFixed(0)} req/s  p99 ${p99} ms  (non-3xx: ${real.non2xx - real['3xx']}, errors: ${real.errors})`,
  );
  console.log(
    `ratio               ${ratio.toFixed(2)}  (target ≥ ${TARGET_RATIO}: ${check(ratio >= TARGET_RATIO)})`,
  );
  console.log(
    `p99 latency of /r   ${p99} ms  (target ≤ ${TARGET_P99_MS} ms: ${check(p99 <= TARGET_P99_MS)})`,
  );
  console.log(
    `redirects answered  ${answered}  (seen by the load generator: ${real['3xx']} in the measured run)`,
  );
  console.log(
    `click rows          ${rows.all}  (human: ${rows.human})  ${check(rows.all === answered && rows.human === answered)}`,
  );
  if (rows.all !== answered || rows.human !== answered) exitCode = 1;
} finally {
  await baseline.close();
  await app.close();
  await runtime.close();
}
process.exit(exitCode);
