import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { TEST_REDIS_URL, testQueueDrivers, waitFor } from '@warmpath/jobs/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { trpcClient } from './trpc/trpc-test-client.js';

const redisAvailable = (await testQueueDrivers()).includes('bullmq');

/** A logger writing parsed lines into `lines`. */
function capturingLogger(lines: { level: number; msg: string }[]) {
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  return pino({ level: 'info' }, destination);
}

/** A free TCP port on loopback, with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const LIMITS = {
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '2',
  RATE_LIMIT_CONVERSIONS_PER_MINUTE: '2',
  RATE_LIMIT_API_PER_MINUTE: '2',
};

/** A failed sign-in from inject's loopback peer, each for another email so the per-IP counter is the one that trips. */
async function signIn(server: TestServer, index: number): Promise<number> {
  const res = await trpcClient(server.app).mutation('auth.signIn', {
    email: `down-${index}@example.com`,
    password: 'wrong password',
  });
  return res.statusCode;
}

describe('rate limits while Redis is unreachable', () => {
  const lines: { level: number; msg: string }[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` },
      logger: capturingLogger(lines),
    });
  });
  afterAll(() => server?.close());

  it('still trips sign-in, conversion and API limits, counting in memory', async () => {
    const signIns = [];
    for (let index = 0; index < 3; index++) signIns.push(await signIn(server, index));
    expect(signIns).toEqual([401, 401, 429]);

    const conversions = [];
    for (let index = 0; index < 3; index++) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/t/conversions',
        remoteAddress: '192.0.2.20',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ id: 'x' }),
      });
      conversions.push(res.statusCode);
    }
    expect(conversions).toEqual([400, 400, 429]);

    const api = [];
    for (let index = 0; index < 3; index++) {
      const res = await server.app.inject({
        method: 'GET',
        url: '/api/v1/tracks',
        headers: { authorization: `Bearer ${server.apiKey}` },
      });
      api.push(res.statusCode);
    }
    expect(api).toEqual([200, 200, 429]);
  });

  it('logs the outage once, not once per request', () => {
    const outage = lines.filter((line) => /Redis.*unreachable/i.test(line.msg));
    expect(outage).toHaveLength(1);
    expect(outage[0]?.level).toBe(40);
  });
});

describe.runIf(redisAvailable)('rate limits when Redis comes back', () => {
  const lines: { level: number; msg: string }[] = [];
  const sockets = new Set<Socket>();
  let forwarder: Server | undefined;
  let port: number;
  let server: TestServer;
  let redis: Redis;
  beforeAll(async () => {
    port = await closedPort();
    redis = new Redis(TEST_REDIS_URL);
    server = await startTestServer({
      env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${port}` },
      logger: capturingLogger(lines),
    });
  });
  afterAll(async () => {
    await server?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (forwarder ? forwarder.close(() => resolve()) : resolve()));
    redis?.disconnect();
  });

  it('counts in Redis again once it answers, and says so', async () => {
    expect(await signIn(server, 0)).toBe(401);
    // Redis appears at the configured address: a TCP forwarder to the test Redis starts listening there.
    const target = new URL(TEST_REDIS_URL);
    forwarder = createServer((socket) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port || 6379) });
      sockets.add(socket).add(upstream);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => forwarder?.listen(port, '127.0.0.1', resolve));
    await waitFor(() => lines.some((line) => /Redis answers again/i.test(line.msg)), {
      timeoutMs: 15_000,
      message: 'the rate limits to log that Redis is back',
    });

    const ip = '192.0.2.31';
    await server.app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'back@example.com', password: 'wrong password' }),
    });
    const [, keys] = await redis.scan('0', 'MATCH', `*auth.signIn:ip:${ip}`, 'COUNT', 100_000);
    expect(keys).toHaveLength(1);
  });
});
