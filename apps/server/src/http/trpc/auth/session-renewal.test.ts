import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { signIn, staffCookie, staffSessionCookieOf, trpcClient } from '../trpc-test-client.js';

const stacks = await testStacks();

describe.each(stacks)('staff session renewal over HTTP on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server?.close());

  it('re-sends the cookie with the pushed-forward expiry when a request renews the session', async () => {
    const token = await signIn(server.app, server.owner);
    const sessionId = token.split('.')[0] ?? '';
    const trpc = trpcClient(server.app);
    // Used again right away: nothing to renew, no cookie.
    expect(staffSessionCookieOf(await trpc.query('auth.me', undefined, staffCookie(token)))).toBeUndefined();

    // Last used two days ago: the next request renews the session for another 7 days from now.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    await server.runtime.database.db
      .updateTable('sessions')
      .set({ last_active_at: twoDaysAgo, expires_at: new Date(twoDaysAgo.getTime() + 7 * 24 * 3600_000) })
      .where('id', '=', sessionId)
      .execute();
    const res = await trpc.query('auth.me', undefined, staffCookie(token));
    const cookie = staffSessionCookieOf(res);
    expect(cookie?.value).toBe(token);
    expect(cookie?.httpOnly).toBe(true);
    const expires = new Date(cookie?.expires ?? 0).getTime();
    expect(Math.abs(expires - (Date.now() + 7 * 24 * 3600_000))).toBeLessThan(60_000);
    const row = await server.runtime.database.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    expect(Math.abs((row?.expires_at.getTime() ?? 0) - expires)).toBeLessThan(1000);
  });
});
