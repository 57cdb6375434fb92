import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { trpcClient } from './trpc/trpc-test-client.js';

const stacks = await testStacks();

describe.each(stacks)('rate limits on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      stack,
      env: {
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '3',
        RATE_LIMIT_EMAIL_LINKS_PER_MINUTE: '2',
        RATE_LIMIT_API_PER_MINUTE: '4',
        // The suite's clients reach the server through a proxy on loopback (inject's peer) that names them in
        // X-Forwarded-For, as a reverse proxy on the same host would.
        TRUST_PROXY: '127.0.0.1',
      },
    });
  });
  afterAll(() => server?.close());

  const fromIp = (ip: string) => ({ 'x-forwarded-for': ip });

  it('answers the N+1th sign-in from one IP with TOO_MANY_REQUESTS (429) and Retry-After; other IPs go on', async () => {
    const trpc = trpcClient(server.app);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const res = await trpc.mutation(
        'auth.signIn',
        { email: `person-${index}@example.com`, password: 'wrong password' },
        fromIp('203.0.113.1'),
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await trpc.mutation('auth.signIn', server.owner, fromIp('203.0.113.1'));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect((await trpc.mutation('auth.signIn', server.owner, fromIp('203.0.113.2'))).statusCode).toBe(200);
  });

  it('limits sign-in per email across IPs too', async () => {
    const trpc = trpcClient(server.app);
    const target = { email: 'target@example.com', password: 'wrong password' };
    for (let index = 0; index < 3; index++) {
      expect((await trpc.mutation('auth.signIn', target, fromIp(`198.51.100.${index}`))).statusCode).toBe(
        401,
      );
    }
    const limited = await trpc.mutation('auth.signIn', target, fromIp('198.51.100.77'));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('counts each call of a tRPC batch by its procedure path', async () => {
    const inputs = Object.fromEntries(
      [0, 1, 2, 3].map((index) => [String(index), { email: `batch-${index}@example.com` }]),
    );
    const res = await server.app.inject({
      method: 'POST',
      url: `/trpc/${Array(4).fill('auth.requestPasswordReset').join(',')}?batch=1`,
      headers: { 'content-type': 'application/json', ...fromIp('192.0.2.50') },
      payload: JSON.stringify(inputs),
    });
    const results = res.json() as { result?: unknown; error?: { data: { code: string } } }[];
    expect(results.filter((item) => item.error?.data.code === 'TOO_MANY_REQUESTS')).toHaveLength(2);
    expect(res.headers['retry-after']).toBeDefined();
    // Another procedure has its own counters.
    const accept = await trpcClient(server.app).mutation(
      'auth.acceptInvitation',
      { token: 'a'.repeat(32), password: 'whatever password' },
      fromIp('192.0.2.50'),
    );
    expect(accept.statusCode).toBe(400);
  });

  it('limits the accepting of invitations per IP', async () => {
    const trpc = trpcClient(server.app);
    const guess = { token: 'b'.repeat(32), password: 'whatever password' };
    for (let index = 0; index < 3; index++) {
      expect((await trpc.mutation('auth.acceptInvitation', guess, fromIp('192.0.2.60'))).statusCode).toBe(
        400,
      );
    }
    const limited = await trpc.mutation('auth.acceptInvitation', guess, fromIp('192.0.2.60'));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits REST v1 per API key with 429 problem+json and Retry-After', async () => {
    const { key } = await server.runtime.services.apiKeys.createApiKey({
      name: 'limited',
      scopes: ['tracks:read'],
    });
    const call = (apiKey: string) =>
      server.app.inject({
        method: 'GET',
        url: '/api/v1/tracks',
        headers: { authorization: `Bearer ${apiKey}` },
      });
    for (let index = 0; index < 4; index++) expect((await call(key)).statusCode).toBe(200);
    const limited = await call(key);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another key is not affected, even from the same client.
    expect((await call(server.apiKey)).statusCode).toBe(200);
  });
});
