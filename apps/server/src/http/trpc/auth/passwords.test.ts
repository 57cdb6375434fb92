import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { dataOf, errorOf, staffCaller } from '../admin/admin-test-kit.js';
import { signIn, staffCookie, trpcClient } from '../trpc-test-client.js';

const stacks = await testStacks();
const PASSWORD = 'a long enough password 123';

describe.each(stacks)('staff password reset, change and sign-out everywhere on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server?.close());

  const trpc = () => trpcClient(server.app);
  const isSignedIn = async (token: string) =>
    dataOf(await trpc().query('auth.me', undefined, staffCookie(token))) !== null;
  /** Waits for the background send of the reset email. */
  const resetLinkOf = async (email: string) => {
    for (let attempt = 0; attempt < 50 && !server.mail.lastTo(email); attempt++) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    return server.mail.lastLinkTo(email);
  };

  it('answers a reset request alike for known and unknown emails, emailing a 1-hour link only to a real account', async () => {
    const rita = await staffCaller(server, 'sales', 'rita');
    const email = 'rita@test.warmpath.local';
    const known = await trpc().mutation('auth.requestPasswordReset', { email: ' RITA@test.warmpath.local' });
    const unknown = await trpc().mutation('auth.requestPasswordReset', {
      email: 'nobody@test.warmpath.local',
    });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    const link = await resetLinkOf(email);
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/reset-password\?token=[a-z2-7]{32}$/);
    expect(server.mail.lastTo('nobody@test.warmpath.local')).toBeUndefined();
    const [row] = await server.runtime.database.db
      .selectFrom('password_reset_tokens')
      .selectAll()
      .where('user_id', '=', rita.userId)
      .execute();
    expect((row?.expires_at.getTime() ?? 0) - (row?.created_at.getTime() ?? 0)).toBe(3600_000);
  });

  it('resets the password from the link once, ending every session of the account, audited', async () => {
    const rob = await staffCaller(server, 'viewer', 'rob');
    const email = 'rob@test.warmpath.local';
    const laptop = await signIn(server.app, { email, password: PASSWORD });
    dataOf(await trpc().mutation('auth.requestPasswordReset', { email }));
    const token = new URL((await resetLinkOf(email)) ?? '').searchParams.get('token') ?? '';

    errorOf(await trpc().mutation('auth.resetPassword', { token, password: 'short' }), 'BAD_REQUEST');
    dataOf(await trpc().mutation('auth.resetPassword', { token, password: 'brand new password' }));
    expect(await isSignedIn(laptop)).toBe(false);
    errorOf(await trpc().mutation('auth.signIn', { email, password: PASSWORD }), 'UNAUTHORIZED');
    await signIn(server.app, { email, password: 'brand new password' });

    const reused = await trpc().mutation('auth.resetPassword', { token, password: 'yet another password' });
    expect(errorOf(reused, 'BAD_REQUEST')).toMatch(/not valid or has expired/);
    const tampered = await trpc().mutation('auth.resetPassword', {
      token: `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`,
      password: 'yet another password',
    });
    errorOf(tampered, 'BAD_REQUEST');
    const entries = await server.runtime.services.audit.list({
      action: 'auth.password_reset',
      targetId: rob.userId,
    });
    expect(entries.data).toHaveLength(1);
  });

  it('refuses an expired reset link', async () => {
    await staffCaller(server, 'viewer', 'eve');
    const email = 'eve@test.warmpath.local';
    dataOf(await trpc().mutation('auth.requestPasswordReset', { email }));
    const token = new URL((await resetLinkOf(email)) ?? '').searchParams.get('token') ?? '';
    await server.runtime.database.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1) })
      .execute();
    errorOf(
      await trpc().mutation('auth.resetPassword', { token, password: 'brand new password' }),
      'BAD_REQUEST',
    );
    await signIn(server.app, { email, password: PASSWORD });
  });

  it('changes the password with the current one, keeping this session and ending the others', async () => {
    const cara = await staffCaller(server, 'finance', 'cara');
    const email = 'cara@test.warmpath.local';
    const phone = await signIn(server.app, { email, password: PASSWORD });
    const wrong = await cara.mutation('auth.changePassword', {
      currentPassword: 'not it at all',
      newPassword: 'changed password 1',
    });
    errorOf(wrong, 'UNAUTHORIZED');
    dataOf(
      await cara.mutation('auth.changePassword', {
        currentPassword: PASSWORD,
        newPassword: 'changed password 1',
      }),
    );
    expect(dataOf(await cara.query('auth.me'))?.id).toBe(cara.userId);
    expect(await isSignedIn(phone)).toBe(false);
    await signIn(server.app, { email, password: 'changed password 1' });
    const audited = await server.runtime.services.audit.list({
      action: 'auth.password_changed',
      targetId: cara.userId,
    });
    expect(audited.data).toHaveLength(1);
    errorOf(
      await trpc().mutation('auth.changePassword', { currentPassword: 'x', newPassword: 'yyyyyyyyyy' }),
      'UNAUTHORIZED',
    );
  });

  it('signs out everywhere: every session of the account ends, other accounts keep theirs', async () => {
    await staffCaller(server, 'viewer', 'sue');
    const email = 'sue@test.warmpath.local';
    const first = await signIn(server.app, { email, password: PASSWORD });
    const second = await signIn(server.app, { email, password: PASSWORD });
    const other = await signIn(server.app, server.owner);
    const res = await trpc().mutation('auth.signOutEverywhere', undefined, staffCookie(first));
    expect(dataOf(res).sessionsEnded).toBeGreaterThanOrEqual(2);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(false);
    expect(await isSignedIn(other)).toBe(true);
    errorOf(await trpc().mutation('auth.signOutEverywhere'), 'UNAUTHORIZED');
  });
});
