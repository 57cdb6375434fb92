import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();
const LIMIT = 5;

describe.each(stacks)('failed API key authentications on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      stack,
      env: { RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE: String(LIMIT) },
    });
  });
  afterAll(() => server?.close());

  const call = (peer: string, key?: string) =>
    server.app.inject({
      method: 'GET',
      url: '/api/v1/tracks',
      remoteAddress: peer,
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });
  const madeUp = (index: number) => `wp_madeup_${index}_${'x'.repeat(32)}`;

  it('answers 429 with Retry-After once an address is over its failures, and stops looking keys up for it', async () => {
    const lookups = vi.spyOn(server.runtime.services.apiKeys, 'verifyApiKey');
    const peer = '192.0.2.70';
    for (let index = 0; index < LIMIT; index++)
      expect((await call(peer, madeUp(index))).statusCode).toBe(401);
    expect(lookups).toHaveBeenCalledTimes(LIMIT);

    const limited = await call(peer, madeUp(99));
    const body = expectProblem(limited, 429);
    expect(body.detail).toMatch(/failed/i);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even a valid key from that address waits: the limit is on guessing from there, and checking costs a look-up.
    expectProblem(await call(peer, server.apiKey), 429);
    expectProblem(await call(peer), 429);
    expect(lookups).toHaveBeenCalledTimes(LIMIT);

    // Other addresses are not affected.
    expect((await call('192.0.2.71', server.apiKey)).statusCode).toBe(200);
    lookups.mockRestore();
  });

  it('counts requests without a key as failures, and never counts successful ones', async () => {
    const peer = '192.0.2.72';
    for (let index = 0; index < LIMIT * 3; index++)
      expect((await call(peer, server.apiKey)).statusCode).toBe(200);
    for (let index = 0; index < LIMIT; index++) expect((await call(peer)).statusCode).toBe(401);
    expectProblem(await call(peer, server.apiKey), 429);
  });

  it('counts an IPv6 client by its /64, which one client usually holds whole', async () => {
    for (let index = 0; index < LIMIT; index++) {
      expect((await call(`2001:db8:1:2::${index + 1}`, madeUp(index))).statusCode).toBe(401);
    }
    expectProblem(await call('2001:db8:1:2:ffff:ffff:ffff:ffff', madeUp(0)), 429);
    expect((await call('2001:db8:1:3::1', madeUp(0))).statusCode).toBe(401);
  });
});
