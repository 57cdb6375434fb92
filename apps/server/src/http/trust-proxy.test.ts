import { hashIp } from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnrollment } from '../links/link-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** Requests as they reach the server: from a TCP peer, with whatever X-Forwarded-For that peer sent. */
function client(server: TestServer) {
  let signIns = 0;
  const headersOf = (forwardedFor?: string) => (forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
  return {
    /** A failed sign-in, each for another email so only the per-IP limit can trip. */
    signIn: (peer: string, forwardedFor?: string) =>
      server.app.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        remoteAddress: peer,
        headers: { 'content-type': 'application/json', ...headersOf(forwardedFor) },
        payload: JSON.stringify({ email: `nobody-${++signIns}@example.com`, password: 'wrong password' }),
      }),
    /** Clicks `/r/{code}` and answers the IP hash of the click row written. */
    async clickIpHash(code: string, peer: string, forwardedFor?: string): Promise<string | null> {
      const res = await server.app.inject({
        method: 'GET',
        url: `/r/${code}`,
        remoteAddress: peer,
        headers: { 'user-agent': BROWSER, ...headersOf(forwardedFor) },
      });
      expect(res.statusCode).toBe(302);
      await server.app.linkClicks.flush();
      const rows = await server.runtime.database.db
        .selectFrom('clicks')
        .innerJoin('enrollments', 'enrollments.id', 'clicks.enrollment_id')
        .select('clicks.ip_hash')
        .where('enrollments.code', '=', code)
        .execute();
      expect(rows).toHaveLength(1);
      return rows[0]?.ip_hash ?? null;
    },
  };
}

async function startWith(trustProxy: string | undefined): Promise<TestServer> {
  return startTestServer({
    env: {
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '3',
      ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }),
    },
  });
}

describe('client IP without TRUST_PROXY (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWith(undefined);
  });
  afterAll(() => server?.close());

  it('keeps counting sign-ins against the peer whatever X-Forwarded-For it sends', async () => {
    const caller = client(server);
    const statuses: number[] = [];
    for (let index = 1; index <= 4; index++) {
      statuses.push((await caller.signIn('192.0.2.50', `203.0.113.${index}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another peer has its own counter.
    expect((await caller.signIn('192.0.2.51', '203.0.113.1')).statusCode).toBe(401);
  });

  it('records the peer as the click IP, not a spoofed X-Forwarded-For', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Spoof_1' });
    const ipHash = await client(server).clickIpHash('Spoof_1', '192.0.2.60', '203.0.113.99');
    expect(ipHash).toBe(hashIp('192.0.2.60', server.runtime.ipHashSalt));
  });
});

describe('client IP with TRUST_PROXY naming the proxies', () => {
  const PROXY = '192.0.2.1';
  let server: TestServer;
  beforeAll(async () => {
    server = await startWith(`${PROXY}, 10.0.0.0/8`);
  });
  afterAll(() => server?.close());

  it('counts sign-ins per forwarded client behind a trusted proxy', async () => {
    const caller = client(server);
    for (let index = 1; index <= 4; index++) {
      expect((await caller.signIn(PROXY, `198.51.100.${index}`)).statusCode).toBe(401);
    }
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      statuses.push((await caller.signIn(PROXY, '198.51.100.20')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('records the forwarded client as the click IP, through a chain of trusted proxies', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Trusted_1' });
    // The client wrote 6.6.6.6 itself; the edge proxy appended the real address, an internal proxy its own.
    const ipHash = await client(server).clickIpHash('Trusted_1', PROXY, '6.6.6.6, 198.51.100.30, 10.1.2.3');
    expect(ipHash).toBe(hashIp('198.51.100.30', server.runtime.ipHashSalt));
  });

  it('ignores X-Forwarded-For from a peer that is not one of the proxies', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Untrusted_1' });
    const ipHash = await client(server).clickIpHash('Untrusted_1', '192.0.2.66', '198.51.100.31');
    expect(ipHash).toBe(hashIp('192.0.2.66', server.runtime.ipHashSalt));
  });
});

describe('client IP with TRUST_PROXY as a hop count', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWith('1');
  });
  afterAll(() => server?.close());

  it('takes the address the nearest proxy appended, not what the client wrote before it', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Hops_1' });
    const ipHash = await client(server).clickIpHash('Hops_1', '10.0.0.9', '6.6.6.6, 198.51.100.40');
    expect(ipHash).toBe(hashIp('198.51.100.40', server.runtime.ipHashSalt));
  });
});
