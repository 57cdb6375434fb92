import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restCall } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { trpcClient } from '../trpc-test-client.js';
import {
  confirmSignInLink,
  createTrack,
  enrolParticipant,
  portalCookie,
  portalCookieOf,
  portalSessionOf,
  signInByLoginLink,
} from './portal-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('portal sign-in on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  let adaId: string;
  let eveId: string;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await createTrack(server, 'clients');
    adaId = await enrolParticipant(server, 'ada@example.com', ['clients']);
    eveId = await enrolParticipant(server, 'eve@example.com', ['clients']);
    await server.runtime.database.db
      .updateTable('participants')
      .set({ status: 'disabled' })
      .where('id', '=', eveId)
      .execute();
  });
  afterAll(() => server?.close());

  async function me(headers: Record<string, string>) {
    return (await trpc.query('portal.me', undefined, headers)).json().result.data;
  }

  async function magicLinkFor(email: string): Promise<string> {
    server.mail.clear();
    const res = await trpc.mutation('portal.auth.requestMagicLink', { email });
    expect(res.statusCode, res.body).toBe(200);
    return server.mail.lastLinkTo(email) ?? expect.fail(`no link mailed to ${email}`);
  }

  describe('magic links', () => {
    it('emails a participant a 15-minute link that signs them into the portal once', async () => {
      const link = await magicLinkFor(' ADA@example.com ');
      expect(link).toMatch(/^http:\/\/localhost:3000\/portal\/login\/magic\?token=[a-z2-7]{32}$/);
      const token = new URL(link).searchParams.get('token') ?? '';
      const stored = await server.runtime.database.db
        .selectFrom('participant_login_tokens')
        .selectAll()
        .where('participant_id', '=', adaId)
        .execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      const row =
        stored.find((candidate) => candidate.purpose === 'magic_link') ?? expect.fail('no token row');
      expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(15 * 60_000);
      const [sent] = (
        await server.runtime.services.audit.list({
          targetId: adaId,
          action: 'participant.magic_link_sent',
          limit: 1,
        })
      ).data;
      expect(sent).toMatchObject({ changes: { loginLinkId: row.id } });
      expect(JSON.stringify(sent)).not.toContain(token);

      // Opening the link only names whom it signs in; the magic-link token is not spent by asking.
      const named = await trpc.query('portal.auth.signInLink', { kind: 'magic', token });
      expect(named.json().result.data).toEqual({ name: 'ada', email: 'ada@example.com' });
      const res = await confirmSignInLink(server, link);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/portal/');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(await me(portalSessionOf(res))).toMatchObject({ id: adaId, email: 'ada@example.com' });

      const again = await confirmSignInLink(server, link);
      expect(again.headers.location).toBe('/portal/sign-in?login=expired');
      expect(portalCookieOf(again)).toBeUndefined();
    });

    it('answers the same for unknown, disabled and malformed addresses, and mails nothing', async () => {
      server.mail.clear();
      const known = await trpc.mutation('portal.auth.requestMagicLink', { email: 'ada@example.com' });
      for (const email of ['nobody@example.com', 'eve@example.com', 'not an email']) {
        const res = await trpc.mutation('portal.auth.requestMagicLink', { email });
        expect(res.statusCode, email).toBe(200);
        expect(res.body).toBe(known.body);
      }
      expect(server.mail.sent.map((message) => message.to)).toEqual(['ada@example.com']);
    });

    it('refuses expired and tampered magic links, and login-link tokens on the magic route', async () => {
      const expired = await magicLinkFor('ada@example.com');
      await server.runtime.database.db
        .updateTable('participant_login_tokens')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('participant_id', '=', adaId)
        .where('used_at', 'is', null)
        .execute();
      const fresh = await magicLinkFor('ada@example.com');
      const token = new URL(fresh).searchParams.get('token') ?? '';
      const tampered = `/portal/login/magic?token=${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
      const apiLink = await restCall(server, 'POST', `/api/v1/participants/${adaId}/login-links`);
      const apiToken = new URL(apiLink.json().url).searchParams.get('token');
      for (const url of [expired, tampered, `/portal/login/magic?token=${apiToken}`]) {
        const res = await confirmSignInLink(server, url);
        expect(res.headers.location, url).toBe('/portal/sign-in?login=expired');
        expect(portalCookieOf(res)).toBeUndefined();
      }
      // Neither token was spent by the refused attempts.
      expect((await confirmSignInLink(server, fresh)).headers.location).toBe('/portal/');
      expect(portalCookieOf(await confirmSignInLink(server, apiLink.json().url))).toBeDefined();
    });
  });

  describe('passwords', () => {
    const password = 'a long portal passphrase';

    it('lets a signed-in participant set a password, then sign in with it', async () => {
      const session = await signInByLoginLink(server, adaId);
      const before = await trpc.query('portal.account.get', undefined, session);
      expect(before.json().result.data).toEqual({
        email: 'ada@example.com',
        name: 'ada',
        company: null,
        hasPassword: false,
      });

      const set = await trpc.mutation('portal.account.setPassword', { password }, session);
      expect(set.statusCode, set.body).toBe(200);
      const row = await server.runtime.database.db
        .selectFrom('participants')
        .select('password_hash')
        .where('id', '=', adaId)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(
        (await trpc.query('portal.account.get', undefined, session)).json().result.data.hasPassword,
      ).toBe(true);

      const res = await trpc.mutation('portal.auth.signIn', { email: 'Ada@Example.com', password });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result.data.participant).toMatchObject({ id: adaId });
      const cookie = portalCookieOf(res) ?? expect.fail('no portal session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(await me(portalCookie(cookie.value))).toMatchObject({ id: adaId });
    });

    it('ends the other portal sessions of the participant when the password changes, keeping this one', async () => {
      const changing = await signInByLoginLink(server, adaId);
      const elsewhere = await signInByLoginLink(server, adaId);
      const next = 'yet another passphrase';
      const res = await trpc.mutation(
        'portal.account.setPassword',
        { currentPassword: password, password: next },
        changing,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(await me(changing)).toMatchObject({ id: adaId });
      expect(await me(elsewhere)).toBeNull();
      // Back to the password the later tests use.
      await trpc.mutation('portal.account.setPassword', { currentPassword: next, password }, changing);
    });

    it("ends the browser's earlier portal session (someone else's) when signing in with a password", async () => {
      const bobId = await enrolParticipant(server, 'bob@example.com', ['clients']);
      const bobHere = await signInByLoginLink(server, bobId);
      const bobElsewhere = await signInByLoginLink(server, bobId);
      const res = await trpc.mutation('portal.auth.signIn', { email: 'ada@example.com', password }, bobHere);
      expect(res.statusCode, res.body).toBe(200);
      expect(await me(portalSessionOf(res))).toMatchObject({ id: adaId });
      expect(await me(bobHere)).toBeNull();
      expect(await me(bobElsewhere)).toMatchObject({ id: bobId });
    });

    it('needs the current password to change it, naming the field', async () => {
      const session = await signInByLoginLink(server, adaId);
      for (const attempt of [
        { password: 'another passphrase' },
        { currentPassword: 'wrong one!', password: 'another passphrase' },
      ]) {
        const res = await trpc.mutation('portal.account.setPassword', attempt, session);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.data.issues.map((issue: { path: string }) => issue.path)).toEqual([
          'currentPassword',
        ]);
      }
      const short = await trpc.mutation(
        'portal.account.setPassword',
        { currentPassword: password, password: 'short' },
        session,
      );
      expect(short.statusCode).toBe(400);
      expect(short.json().error.data.issues.map((issue: { path: string }) => issue.path)).toEqual([
        'password',
      ]);
    });

    it('gives one answer for a wrong password, an unknown email, no password and a disabled participant', async () => {
      await server.runtime.database.db
        .updateTable('participants')
        .set({
          password_hash: (
            await server.runtime.database.db
              .selectFrom('participants')
              .select('password_hash')
              .where('id', '=', adaId)
              .executeTakeFirstOrThrow()
          ).password_hash,
        })
        .where('id', '=', eveId)
        .execute();
      const attempts = [
        { email: 'ada@example.com', password: 'not the passphrase' },
        { email: 'nobody@example.com', password },
        { email: 'bob@example.com', password },
        { email: 'eve@example.com', password },
      ];
      const answers = [];
      for (const attempt of attempts) {
        const res = await trpc.mutation('portal.auth.signIn', attempt);
        expect(res.statusCode, attempt.email).toBe(401);
        expect(portalCookieOf(res)).toBeUndefined();
        answers.push(res.json().error.message);
      }
      expect(new Set(answers)).toEqual(new Set(['Email or password is incorrect']));
      const failures = await server.runtime.services.audit.list({ action: 'auth.sign_in_failed', limit: 50 });
      expect(JSON.stringify(failures.data)).not.toContain('not the passphrase');
    });

    it('locks an email out after five failures: even the right password then gets the same answer', async () => {
      const lockId = await enrolParticipant(server, 'lock@example.com', ['clients']);
      const session = await signInByLoginLink(server, lockId);
      expect((await trpc.mutation('portal.account.setPassword', { password }, session)).statusCode).toBe(200);
      for (let attempt = 0; attempt < 5; attempt++) {
        const res = await trpc.mutation('portal.auth.signIn', {
          email: 'lock@example.com',
          password: 'wrong guess',
        });
        expect(res.statusCode).toBe(401);
      }
      const locked = await trpc.mutation('portal.auth.signIn', { email: 'lock@example.com', password });
      expect(locked.statusCode).toBe(401);
      expect(locked.json().error.message).toBe('Email or password is incorrect');
      expect(portalCookieOf(locked)).toBeUndefined();
      const lockouts = await server.runtime.services.audit.list({ action: 'auth.locked_out', limit: 5 });
      expect(lockouts.data.map((entry) => entry.changes)).toContainEqual(
        expect.objectContaining({ email: 'lock@example.com', failures: 5 }),
      );
      // Ada's sign-in is not affected by someone else's lock-out.
      expect(
        (await trpc.mutation('portal.auth.signIn', { email: 'ada@example.com', password })).statusCode,
      ).toBe(200);
    });

    it('signs out: the session stops working and the cookie is cleared', async () => {
      const session = await signInByLoginLink(server, adaId);
      const res = await trpc.mutation('portal.auth.signOut', undefined, session);
      expect(res.statusCode).toBe(200);
      expect(portalCookieOf(res)?.value).toBe('');
      expect(await me(session)).toBeNull();
      expect((await trpc.query('portal.account.get', undefined, session)).statusCode).toBe(401);
    });

    it('refuses account changes without a portal session', async () => {
      expect((await trpc.mutation('portal.account.setPassword', { password })).statusCode).toBe(401);
      expect((await trpc.mutation('portal.account.updateProfile', { name: 'X' })).statusCode).toBe(401);
    });
  });

  describe('forgotten passwords', () => {
    const fresh = 'a fresh portal passphrase';

    it('emails a reset link only to known addresses, answering every request alike', async () => {
      server.mail.clear();
      const known = await trpc.mutation('portal.auth.requestPasswordReset', { email: 'ada@example.com' });
      expect(known.statusCode, known.body).toBe(200);
      for (const email of ['nobody@example.com', 'eve@example.com', 'not an email']) {
        const res = await trpc.mutation('portal.auth.requestPasswordReset', { email });
        expect(res.body, email).toBe(known.body);
      }
      expect(server.mail.sent.map((message) => message.to)).toEqual(['ada@example.com']);
      expect(server.mail.lastLinkTo('ada@example.com')).toMatch(
        /^http:\/\/localhost:3000\/portal\/reset-password\?token=[a-z2-7]{32}$/,
      );
    });

    it('sets a new password from the link, ends every portal session and signs nobody in', async () => {
      server.mail.clear();
      await trpc.mutation('portal.auth.requestPasswordReset', { email: 'ada@example.com' });
      const token = new URL(server.mail.lastLinkTo('ada@example.com') ?? '').searchParams.get('token') ?? '';
      const session = await signInByLoginLink(server, adaId);
      // The reset token is no sign-in token: neither the link pages nor their POST routes take it.
      expect(
        (await trpc.query('portal.auth.signInLink', { kind: 'magic', token })).json().result.data,
      ).toBeNull();
      const asMagic = await confirmSignInLink(server, `/portal/login/magic?token=${token}`);
      expect(asMagic.headers.location).toBe('/portal/sign-in?login=expired');

      const res = await trpc.mutation('portal.auth.resetPassword', { token, password: fresh }, session);
      expect(res.statusCode, res.body).toBe(200);
      expect(portalCookieOf(res)?.value).toBe('');
      expect(await me(session)).toBeNull();
      const signedIn = await trpc.mutation('portal.auth.signIn', {
        email: 'ada@example.com',
        password: fresh,
      });
      expect(signedIn.statusCode, signedIn.body).toBe(200);

      const again = await trpc.mutation('portal.auth.resetPassword', {
        token,
        password: 'another passphrase',
      });
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('token');
    });
  });
});
