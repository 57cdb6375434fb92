import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restCall } from '../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { confirmSignInLink, pathOf, portalCookie, portalCookieOf } from './trpc/portal/portal-test-kit.js';
import { signIn, staffCookie, trpcClient } from './trpc/trpc-test-client.js';

const stacks = await testStacks();

describe.each(stacks)('portal login links on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;

  async function enrol(email: string, tracks: string[]): Promise<{ id: string; email: string }> {
    const res = await restCall(server, 'POST', '/api/v1/participants', {
      email,
      name: email.split('@')[0],
      tracks,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  }

  /** The path and query of a fresh login link of the participant. */
  async function loginPath(participantId: string): Promise<string> {
    const res = await restCall(server, 'POST', `/api/v1/participants/${participantId}/login-links`);
    expect(res.statusCode, res.body).toBe(201);
    return pathOf(res.json().url);
  }

  /** Confirms a login link (the page's "Continue"); returns the session token from the cookie it set. */
  async function signInWith(path: string, headers: Record<string, string> = {}): Promise<string> {
    const res = await confirmSignInLink(server, path, headers);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/portal/');
    return portalCookieOf(res)?.value ?? expect.fail('no portal session cookie');
  }

  async function portalMe(token: string) {
    const res = await trpc.query('portal.me', undefined, portalCookie(token));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.data;
  }

  let ada: { id: string; email: string };
  let bob: { id: string; email: string };
  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    for (const slug of ['clients', 'partners']) {
      const res = await restCall(server, 'POST', '/api/v1/tracks', {
        slug,
        name: `Our ${slug}`,
        kind: 'client',
        landingUrl: 'https://example.com',
      });
      expect(res.statusCode).toBe(201);
    }
    ada = await enrol('ada@example.com', ['clients', 'partners']);
    bob = await enrol('bob@example.com', ['partners']);
  });
  afterAll(() => server?.close());

  it('opening a link (GET) signs nobody in and uses nothing; it names whom the link is for', async () => {
    const path = await loginPath(ada.id);
    const token = new URLSearchParams(path.split('?')[1]).get('token') ?? '';
    for (const headers of [{}, { 'sec-fetch-site': 'cross-site' }]) {
      const opened = await server.app.inject({ method: 'GET', url: path, headers });
      expect(portalCookieOf(opened)).toBeUndefined();
      expect(opened.headers['set-cookie']).toBeUndefined();
    }
    for (let look = 0; look < 2; look++) {
      const named = await trpc.query('portal.auth.signInLink', { kind: 'login', token });
      expect(named.json().result.data).toEqual({ name: 'ada', email: 'ada@example.com' });
    }
    // A login-link token names nobody on the other kinds' pages.
    for (const kind of ['magic', 'enrol']) {
      expect((await trpc.query('portal.auth.signInLink', { kind, token })).json().result.data).toBeNull();
    }
    // Still unused: confirming signs Ada in, and only then is the link spent.
    expect(await portalMe(await signInWith(path))).toMatchObject({ id: ada.id });
    expect(
      (await trpc.query('portal.auth.signInLink', { kind: 'login', token })).json().result.data,
    ).toBeNull();
  });

  it('refuses a cross-site confirmation (login CSRF), with or without cookies, leaving the token unused', async () => {
    const path = await loginPath(ada.id);
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
      { origin: 'https://evil.example', cookie: 'unrelated=1' },
    ];
    for (const headers of crossSite) {
      const res = await confirmSignInLink(server, path, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'WP_ERR_CROSS_SITE_REQUEST' });
      expect(portalCookieOf(res)).toBeUndefined();
    }
    // The portal's own page (same origin) goes through.
    const res = await confirmSignInLink(server, path, {
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/portal/');
    expect(portalCookieOf(res)).toBeDefined();
  });

  it('signs the participant into the portal with an HttpOnly, SameSite=Lax cookie', async () => {
    const res = await confirmSignInLink(server, await loginPath(ada.id));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/portal/');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = portalCookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // PUBLIC_URL is http://localhost: Secure would keep the browser from sending it back.
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now());

    const participant = await server.runtime.services.participants.get(ada.id);
    expect(await portalMe(cookie?.value ?? '')).toEqual({
      id: ada.id,
      email: 'ada@example.com',
      name: 'ada',
      company: null,
      enrollments: participant.enrollments.map((enrollment) => ({
        ...enrollment,
        trackName: enrollment.track === 'clients' ? 'Our clients' : 'Our partners',
      })),
    });
  });

  it('fails the second use of a link, signing nobody in', async () => {
    const path = await loginPath(ada.id);
    await signInWith(path);
    const again = await confirmSignInLink(server, path);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/portal/sign-in?login=expired');
    expect(portalCookieOf(again)).toBeUndefined();
  });

  it('fails an expired link', async () => {
    const path = await loginPath(bob.id);
    const token = new URLSearchParams(path.split('?')[1]).get('token') ?? '';
    expect(token).not.toBe('');
    await server.runtime.database.db
      .updateTable('participant_login_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('participant_id', '=', bob.id)
      .where('used_at', 'is', null)
      .execute();
    const res = await confirmSignInLink(server, path);
    expect(res.headers.location).toBe('/portal/sign-in?login=expired');
    expect(portalCookieOf(res)).toBeUndefined();
  });

  it('fails unknown, malformed, missing and repeated tokens, and bodies that are not the form', async () => {
    for (const payload of ['token=a&token=b', 'token=', 'other=1']) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/portal/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
      expect(res.headers.location, payload).toBe('/portal/sign-in?login=expired');
    }
    const json = await server.app.inject({ method: 'POST', url: '/portal/login', payload: ['x'] });
    expect(json.headers.location).toBe('/portal/sign-in?login=expired');
    const huge = await server.app.inject({
      method: 'POST',
      url: '/portal/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${'a'.repeat(5000)}`,
    });
    expect(huge.statusCode).toBe(413);
    for (const url of [
      '/portal/login',
      '/portal/login?token=',
      `/portal/login?token=${'a'.repeat(32)}`,
      '/portal/login?token=%27%20or%201%3D1',
      '/portal/login?token=a&token=b',
    ]) {
      const res = await confirmSignInLink(server, url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe('/portal/sign-in?login=expired');
      expect(portalCookieOf(res)).toBeUndefined();
    }
  });

  it("never shows one participant another's data", async () => {
    const adaToken = await signInWith(await loginPath(ada.id));
    const bobToken = await signInWith(await loginPath(bob.id));
    const adaMe = await portalMe(adaToken);
    const bobMe = await portalMe(bobToken);
    expect(adaMe.id).toBe(ada.id);
    expect(bobMe).toMatchObject({
      id: bob.id,
      email: 'bob@example.com',
      enrollments: [{ track: 'partners' }],
    });
    const adaCodes = adaMe.enrollments.map((e: { code: string }) => e.code);
    for (const enrollment of bobMe.enrollments) expect(adaCodes).not.toContain(enrollment.code);
    // portal.me takes no input: naming someone else's id changes nothing.
    const probe = await trpc.query('portal.me', { id: ada.id }, portalCookie(bobToken));
    expect(probe.body).not.toContain(ada.id);
  });

  it('switches a browser to the participant of a new link, ending the old session', async () => {
    const adaToken = await signInWith(await loginPath(ada.id));
    const bobToken = await signInWith(await loginPath(bob.id), portalCookie(adaToken));
    expect((await portalMe(bobToken)).id).toBe(bob.id);
    expect(await portalMe(adaToken)).toBeNull();
  });

  it('keeps staff and portal sessions apart', async () => {
    const staffToken = await signIn(server.app, server.owner);
    expect(await portalMe(staffToken)).toBeNull();
    const staffAsPortal = await trpc.query('portal.me', undefined, staffCookie(staffToken));
    expect(staffAsPortal.json().result.data).toBeNull();

    const adaToken = await signInWith(await loginPath(ada.id));
    const asStaff = await trpc.query('auth.me', undefined, staffCookie(adaToken));
    expect(asStaff.json().result.data).toBeNull();
  });

  it('signs a disabled participant out of the portal', async () => {
    const carol = await enrol('carol@example.com', ['clients']);
    const token = await signInWith(await loginPath(carol.id));
    expect((await portalMe(token)).id).toBe(carol.id);
    await server.runtime.database.db
      .updateTable('participants')
      .set({ status: 'disabled' })
      .where('id', '=', carol.id)
      .execute();
    expect(await portalMe(token)).toBeNull();
  });

  it('audits the sign-in as the participant', async () => {
    await signInWith(await loginPath(bob.id));
    const res = await restCall(server, 'GET', `/api/v1/audit-log?targetId=${bob.id}&action=auth.signed_in`);
    const [entry] = res.json().data;
    expect(entry).toMatchObject({
      actor: { type: 'participant', id: bob.id },
      changes: { method: 'login_link' },
    });
  });
});
