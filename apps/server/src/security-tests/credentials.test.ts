import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_SESSION_COOKIE, STAFF_SESSION_COOKIE } from '../http/session-cookies.js';
import { confirmSignInLink } from '../http/trpc/portal/portal-test-kit.js';
import { trpcClient } from '../http/trpc/trpc-test-client.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { ensureTrack, portalParticipant, staffMember } from './matrix-callers.js';

const stacks = await testStacks();

const staffCookie = (token: string) => ({ cookie: `${STAFF_SESSION_COOKIE}=${token}` });
const portalCookie = (token: string) => ({ cookie: `${PORTAL_SESSION_COOKIE}=${token}` });

function errorCodeOf(res: LightMyRequestResponse): string | undefined {
  return res.statusCode >= 400 ? res.json().error?.data?.code : undefined;
}

/** Every way a presented session token can be wrong, derived from a real one (`<id>.<secret>`). */
function forgeries(token: string, otherToken: string): Record<string, string> {
  const [id = '', secret = ''] = token.split('.');
  const [otherId = '', otherSecret = ''] = otherToken.split('.');
  const flip = (text: string, at: number) =>
    text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
  return {
    'one character of the secret changed': `${id}.${flip(secret, 5)}`,
    'one character of the id changed': `${flip(id, 3)}.${secret}`,
    'another session’s id with this secret': `${otherId}.${secret}`,
    'this id with another session’s secret': `${id}.${otherSecret}`,
    truncated: token.slice(0, -1),
    'id only': id,
    'secret only': secret,
    empty: '',
    'a.b.c': 'a.b.c',
    'upper-cased': token.toUpperCase(),
    huge: `${id}.${'a'.repeat(100_000)}`,
  };
}

describe.each(stacks)('session tokens and API keys on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  let participantId: string;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await ensureTrack(server, 'credentials');
    participantId = (await portalParticipant(server, 'pat@partners.example', 'credentials')).id;
  });
  afterAll(() => server.close());

  const staffSignedIn = async (token: string) => {
    const me = await trpc.query('auth.me', undefined, staffCookie(token));
    const guarded = await trpc.query('admin.system.status', undefined, staffCookie(token));
    if (me.json().result?.data === null) expect(errorCodeOf(guarded)).toBe('UNAUTHORIZED');
    return me.json().result?.data !== null && guarded.statusCode === 200;
  };
  const portalSignedIn = async (token: string) => {
    const me = await trpc.query('portal.me', undefined, portalCookie(token));
    const guarded = await trpc.query('portal.referrals.list', undefined, portalCookie(token));
    if (me.json().result?.data === null) expect(errorCodeOf(guarded)).toBe('UNAUTHORIZED');
    return me.json().result?.data !== null && guarded.statusCode === 200;
  };
  const newPortalToken = async () =>
    (await server.runtime.services.sessions.createSession({ type: 'participant', id: participantId })).token;
  /** Ages a session past its limits, as time would (the token's id part is the session id). */
  const expire = async (token: string, columns: { expires_at?: Date; last_active_at?: Date }) => {
    await server.runtime.database.db
      .updateTable('sessions')
      .set(columns)
      .where('id', '=', token.split('.')[0] ?? '')
      .execute();
  };

  it('rejects tampered, truncated, swapped, empty and oversized staff and portal tokens', async () => {
    const staff = await staffMember(server, 'viewer', 'forged@test.warmpath.local');
    const otherStaff = (await staffMember(server, 'viewer', 'forged2@test.warmpath.local')).token;
    for (const [how, forged] of Object.entries(forgeries(staff.token, otherStaff))) {
      expect(await staffSignedIn(forged), `staff token, ${how}`).toBe(false);
    }
    const portal = await newPortalToken();
    for (const [how, forged] of Object.entries(forgeries(portal, await newPortalToken()))) {
      expect(await portalSignedIn(forged), `portal token, ${how}`).toBe(false);
    }
    // The real ones still work: the forgeries failed on their own merits.
    expect(await staffSignedIn(staff.token)).toBe(true);
    expect(await portalSignedIn(portal)).toBe(true);
  });

  it('rejects expired sessions: past their expiry, or unused past the inactivity timeout', async () => {
    const staff = await staffMember(server, 'viewer', 'expired@test.warmpath.local');
    const idle = (await staffMember(server, 'viewer', 'idle@test.warmpath.local')).token;
    const portal = await newPortalToken();
    const idlePortal = await newPortalToken();
    await expire(staff.token, { expires_at: new Date(Date.now() - 1000) });
    await expire(portal, { expires_at: new Date(Date.now() - 1000) });
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await expire(idle, { last_active_at: longAgo });
    await expire(idlePortal, { last_active_at: longAgo });
    expect(await staffSignedIn(staff.token)).toBe(false);
    expect(await staffSignedIn(idle)).toBe(false);
    expect(await portalSignedIn(portal)).toBe(false);
    expect(await portalSignedIn(idlePortal)).toBe(false);
  });

  it('rejects revoked sessions: signed out, signed out everywhere, or the account disabled', async () => {
    const signedOut = await staffMember(server, 'viewer', 'revoked@test.warmpath.local');
    await trpc.mutation('auth.signOut', undefined, staffCookie(signedOut.token));
    expect(await staffSignedIn(signedOut.token)).toBe(false);

    const everywhere = await staffMember(server, 'viewer', 'everywhere@test.warmpath.local');
    const { token: secondDevice } = await server.runtime.services.sessions.createSession({
      type: 'user',
      id: everywhere.id,
    });
    const res = await trpc.mutation('auth.signOutEverywhere', undefined, staffCookie(everywhere.token));
    expect(res.statusCode, res.body).toBe(200);
    expect(await staffSignedIn(everywhere.token)).toBe(false);
    expect(await staffSignedIn(secondDevice)).toBe(false);

    const disabled = await staffMember(server, 'viewer', 'disabled@test.warmpath.local');
    await server.runtime.database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', disabled.id)
      .execute();
    expect(await staffSignedIn(disabled.token)).toBe(false);

    const portal = await newPortalToken();
    await trpc.mutation('portal.auth.signOut', undefined, portalCookie(portal));
    expect(await portalSignedIn(portal)).toBe(false);
  });

  it('a staff token does not open the portal, nor a portal token the console', async () => {
    const staff = await staffMember(server, 'owner', 'crossed@test.warmpath.local');
    const portal = await newPortalToken();
    expect(await portalSignedIn(staff.token)).toBe(false);
    expect(await staffSignedIn(portal)).toBe(false);
    // Both cookies at once: each identity stays in its own lane.
    const both = { cookie: `${STAFF_SESSION_COOKIE}=${portal}; ${PORTAL_SESSION_COOKIE}=${staff.token}` };
    expect(errorCodeOf(await trpc.query('admin.system.status', undefined, both))).toBe('UNAUTHORIZED');
    expect(errorCodeOf(await trpc.query('portal.referrals.list', undefined, both))).toBe('UNAUTHORIZED');
  });

  it('issues a new session on sign-in: a cookie planted before sign-in is not the one after (session fixation)', async () => {
    const victim = await staffMember(server, 'admin', 'victim@test.warmpath.local');
    const attacker = await staffMember(server, 'viewer', 'attacker@test.warmpath.local');
    // A made-up value and the attacker's own real session, each planted in the victim's browser before sign-in.
    for (const planted of ['plantedplantedplantedpla.plantedplantedplantedplantedpl', attacker.token]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        headers: { 'content-type': 'application/json', ...staffCookie(planted) },
        payload: JSON.stringify({ email: victim.email, password: victim.password }),
      });
      const issued = res.cookies.find((cookie) => cookie.name === STAFF_SESSION_COOKIE)?.value;
      expect(res.statusCode, res.body).toBe(200);
      expect(issued).toBeTruthy();
      expect(issued).not.toBe(planted);
      // The planted value never becomes the victim's session.
      const me = (await trpc.query('auth.me', undefined, staffCookie(planted))).json().result.data;
      expect(me?.email ?? null).not.toBe(victim.email);
    }

    // The portal: a planted portal cookie is replaced on sign-in by a (confirmed) login link; the planted session ends.
    const planted = await newPortalToken();
    const other = await portalParticipant(server, 'other@partners.example', 'credentials');
    const link = new URL((await server.runtime.services.participantLogins.createLoginLink(other.id)).url);
    const login = await confirmSignInLink(server, link.href, portalCookie(planted));
    const issued = login.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE)?.value;
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(await portalSignedIn(planted)).toBe(false);
  });

  describe('API keys', () => {
    const call = (authorization: string | undefined, url = '/api/v1/tracks') =>
      server.app.inject({
        method: 'GET',
        url,
        headers: authorization === undefined ? {} : { authorization },
      });

    it('rejects revoked, tampered, prefix-only, malformed and oversized keys with 401', async () => {
      const { apiKeys } = server.runtime.services;
      const { key, apiKey } = await apiKeys.createApiKey({ name: 'to revoke', scopes: ['tracks:read'] });
      const { key: live } = await apiKeys.createApiKey({ name: 'live', scopes: ['tracks:read'] });
      expect((await call(`Bearer ${key}`)).statusCode).toBe(200);
      await apiKeys.revokeApiKey(apiKey.id);
      const flipped = `${live.slice(0, -1)}${live.endsWith('a') ? 'b' : 'a'}`;
      const presented = {
        revoked: `Bearer ${key}`,
        'last character changed': `Bearer ${flipped}`,
        'visible prefix only': `Bearer ${apiKey.prefix}`,
        truncated: `Bearer ${live.slice(0, -1)}`,
        'with a suffix': `Bearer ${live}x`,
        'empty bearer': 'Bearer ',
        'a.b.c': 'Bearer a.b.c',
        'basic scheme': `Basic ${Buffer.from(`${live}:`).toString('base64')}`,
        'no scheme': live,
        huge: `Bearer ${'k'.repeat(50_000)}`,
        none: undefined,
      };
      for (const [how, authorization] of Object.entries(presented)) {
        const res = await call(authorization);
        expect(res.statusCode, `${how}: ${res.body}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      // A key in the query string is not read (it would end up in logs and Referer headers).
      expect((await call(undefined, `/api/v1/tracks?api_key=${live}`)).statusCode).toBe(401);
      expect((await call(`Bearer ${live}`)).statusCode).toBe(200);
    });
  });
});
