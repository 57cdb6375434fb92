import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@warmpath/db/testing';
import { createInProcessQueue } from '@warmpath/jobs';
import autocannon from 'autocannon';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app/build-app.js';
import { createLogger } from '../src/app/logger.js';
import { createRuntime } from '../src/app/runtime.js';
import { loadConfig } from '../src/config/load-config.js';
import { seedEnrollment } from '../src/links/link-fixtures.js';

const UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
async function listen(app: FastifyInstance) {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}
const load = (url: string, s: number) =>
  autocannon({ url, connections: 50, duration: s, workers: 1, headers: { 'user-agent': UA } });
const database = await createTestDatabase('postgres');
const config = loadConfig({
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1:3000',
  WARMPATH_SECRET_KEY: randomBytes(32).toString('base64url'),
  WARMPATH_DEMO: 'false',
});
const logger = createLogger(config);
const runtime = await createRuntime({ config, logger, database, queue: createInProcessQueue({ logger }) });
await seedEnrollment(database.db, {
  code: 'bench',
  landingUrl: 'https://example.com/welcome?utm_source=partner',
});
const app = await buildApp(runtime);
app.get('/plain/:code', { logLevel: 'warn', helmet: false }, async (request, reply) =>
  reply.code(302).header('location', 'https://example.com/welcome?utm_source=partner&wp_ref=bench').send(),
);
const base = Fastify({
  loggerInstance: createLogger(config) as FastifyBaseLogger,
  bodyLimit: 1048576,
  requestIdHeader: 'x-request-id',
  genReqId: () => randomUUID(),
  trustProxy: true,
  routerOptions: { maxParamLength: 5000 },
  forceCloseConnections: 'idle',
});
base.get<{ Params: { code: string } }>('/r/:code', async (request, reply) =>
  reply
    .code(302)
    .header('location', `https://example.com/welcome?utm_source=partner&wp_ref=${request.params.code}`)
    .send(),
);
const bu = await listen(base);
const au = await listen(app);
const targets: [string, string][] = [
  ['base', `${bu}/r/bench`],
  ['app-plain', `${au}/plain/bench`],
  ['app-r', `${au}/r/bench`],
];
for (const [, u] of targets) await load(u, 1);
const sums: Record<string, number[]> = {};
for (let round = 0; round < 2; round++)
  for (const [n, u] of targets) {
    const r = await load(u, 4);
    (sums[n] ??= []).push(r.requests.average);
    console.log(n, r.requests.average.toFixed(0), 'p99', r.latency.p99);
  }
for (const [n, v] of Object.entries(sums)) console.log(n, (v.reduce((a, b) => a + b) / v.length).toFixed(0));
await base.close();
await app.close();
await runtime.close();
process.exit(0);
