import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { trpcClient } from '../trpc-test-client.js';
import { confirmSignInLink, createTrack, enrolParticipant, portalCookieOf } from './portal-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('portal rate limits on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  beforeAll(async () => {
    server = await startTestServer({
      stack,
      env: {
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '2',
        RATE_LIMIT_EMAIL_LINKS_PER_MINUTE: '2',
        // Clients reach the server through a proxy on loopback (inject's peer) that names them in X-Forwarded-For.
        TRUST_PROXY: '127.0.0.1',
      },
    });
    trpc = trpcClient(server.app);
    await createTrack(server, 'open', { selfEnrolment: true });
    await enrolParticipant(server, 'ada@example.com', ['open']);
    await enrolParticipant(server, 'bob@example.com', ['open']);
  });
  afterAll(() => server?.close());

  const fromIp = (ip: string) => ({ 'x-forwarded-for': ip });

  it('limits password sign-in per IP and per email', async () => {
    for (let index = 0; index < 2; index++) {
      const res = await trpc.mutation(
        'portal.auth.signIn',
        { email: `p${index}@example.com`, password: 'wrong password' },
        fromIp('203.0.113.10'),
      );
      expect(res.statusCode).toBe(401);
    }
    const limited = await trpc.mutation(
      'portal.auth.signIn',
      { email: 'p9@example.com', password: 'wrong password' },
      fromIp('203.0.113.10'),
    );
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // One email from many addresses is limited too.
    const statuses: number[] = [];
    for (const ip of ['203.0.113.21', '203.0.113.22', '203.0.113.23']) {
      const res = await trpc.mutation(
        'portal.auth.signIn',
        { email: 'target@example.com', password: 'wrong password' },
        fromIp(ip),
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('limits magic-link, enrolment and password reset emails, sending none over the limit', async () => {
    server.mail.clear();
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const res = await trpc.mutation(
        'portal.auth.requestMagicLink',
        { email: 'ada@example.com' },
        fromIp(`198.51.100.${index + 1}`),
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(server.mail.to('ada@example.com')).toHaveLength(2);

    const enrolStatuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const res = await trpc.mutation(
        'portal.enrol.request',
        { trackSlug: 'open', email: `new${index}@example.com`, name: 'New' },
        fromIp('198.51.100.50'),
      );
      enrolStatuses.push(res.statusCode);
    }
    expect(enrolStatuses).toEqual([200, 200, 429]);
    expect(server.mail.to('new2@example.com')).toEqual([]);

    server.mail.clear();
    const resetStatuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const res = await trpc.mutation(
        'portal.auth.requestPasswordReset',
        { email: 'bob@example.com' },
        fromIp(`198.51.100.${index + 60}`),
      );
      resetStatuses.push(res.statusCode);
    }
    expect(resetStatuses).toEqual([200, 200, 429]);
    expect(server.mail.to('bob@example.com')).toHaveLength(2);
  });

  it('limits following sign-in links per IP, without spending the token', async () => {
    const headers = fromIp('192.0.2.77');
    for (let index = 0; index < 2; index++) {
      const res = await confirmSignInLink(server, '/portal/login/magic?token=x', headers);
      expect(res.statusCode).toBe(303);
    }
    server.mail.clear();
    // Bob's own email limit is untouched by the test above.
    await trpc.mutation('portal.auth.requestMagicLink', { email: 'bob@example.com' }, fromIp('192.0.2.99'));
    const link = new URL(server.mail.lastLinkTo('bob@example.com') ?? expect.fail('no link'));
    const limited = await confirmSignInLink(server, link.href, headers);
    expect(limited.statusCode).toBe(429);
    expect(portalCookieOf(limited)).toBeUndefined();
    const elsewhere = await confirmSignInLink(server, link.href, fromIp('192.0.2.78'));
    expect(elsewhere.headers.location).toBe('/portal/');
  });
});
