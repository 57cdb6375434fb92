import { sql } from '@warmpath/db';
import { TEST_DATABASE_URL } from '@warmpath/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('health and metrics on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server.close());

  it('answers /healthz with ok', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database (and Redis when configured) answer', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const expected = stack.queue === 'bullmq' ? { database: 'ok', redis: 'ok' } : { database: 'ok' };
    expect(res.json()).toEqual({ status: 'ok', checks: expected });
  });

  it('exposes Prometheus metrics for requests, jobs and the outbox', async () => {
    await server.app.inject({ method: 'GET', url: '/healthz' });
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /warmpath_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('warmpath_outbox_pending 0');
    expect(res.body).toContain('process_cpu_seconds_total');
  });

  it('echoes a request id so logs and clients can be correlated', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.skipIf(!stacks.some((s) => s.database === 'postgres'))(
  'readiness when Postgres stops accepting connections',
  () => {
    it('answers 503 naming the database, and 200 again once it is back', async () => {
      const stack = stacks.find((s) => s.database === 'postgres')!;
      const server = await startTestServer({ stack });
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      const name = (
        await server.runtime.database.db
          .selectNoFrom(sql<string>`current_database()`.as('name'))
          .executeTakeFirstOrThrow()
      ).name;
      try {
        await admin.query(`alter database "${name}" allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
          name,
        ]);
        const down = await server.app.inject({ method: 'GET', url: '/readyz' });
        expect(down.statusCode).toBe(503);
        expect(down.json()).toMatchObject({ status: 'unavailable', checks: { redis: 'ok' } });
        expect(down.json().checks.database).not.toBe('ok');

        await admin.query(`alter database "${name}" allow_connections true`);
        // Like a readiness probe, ask again: the first answer may still come from a connection the pool has not yet
        // found dead (it drops it then), the next ones from a fresh connection.
        await expect
          .poll(async () => (await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode, {
            timeout: 10_000,
            interval: 200,
          })
          .toBe(200);
      } finally {
        await admin.query(`alter database "${name}" allow_connections true`);
        await admin.end();
        await server.close();
      }
    });
  },
);

describe('MODE=worker', () => {
  it('serves only health and metrics', async () => {
    const server = await startTestServer({
      env: { MODE: 'worker', DATABASE_URL: 'postgres://unused/x', REDIS_URL: 'redis://unused:6379' },
    });
    try {
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(404);
      expect((await server.app.inject({ method: 'GET', url: '/trpc/auth.me' })).statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  let server: TestServer;
  const token = 'scrape-token-0123456789abcdef';
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => server.close());

  it('answers 401 without the token or with a wrong one, and the metrics with it', async () => {
    const scrape = (authorization?: string) =>
      server.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    const anonymous = await scrape();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(anonymous.body).not.toContain('warmpath_');
    expect((await scrape(`Bearer ${token}x`)).statusCode).toBe(401);
    expect((await scrape(`Bearer ${token.slice(0, -1)}`)).statusCode).toBe(401);
    expect((await scrape(token)).statusCode).toBe(401);
    const allowed = await scrape(`Bearer ${token}`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('warmpath_outbox_pending');
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
