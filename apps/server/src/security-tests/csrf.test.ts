import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_SESSION_COOKIE, STAFF_SESSION_COOKIE } from '../http/session-cookies.js';
import { appRouter } from '../http/trpc/router.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { listProcedures } from './access-matrix.js';
import { ensureTrack, portalParticipant, staffMember } from './matrix-callers.js';

/** The error code of the CSRF refusal (http/csrf.ts), so a 403 for another reason does not count. */
const CSRF_CODE = 'WP_ERR_CROSS_SITE_REQUEST';

/** PUBLIC_URL of the test server: the one origin the app's own pages call from. */
const OWN_ORIGIN = 'http://localhost:3000';

/** How a browser marks a request another site made (Sec-Fetch-Site where sent, else Origin alone). */
const CROSS_SITE: Record<string, Record<string, string>> = {
  'a foreign Origin': { origin: 'https://evil.example' },
  'Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
  'Sec-Fetch-Site: same-site (a sibling subdomain)': {
    'sec-fetch-site': 'same-site',
    origin: 'http://evil.localhost:3000',
  },
  'Origin: null (sandboxed frame, data: URL)': { origin: 'null' },
};
const SAME_ORIGIN: Record<string, Record<string, string>> = {
  'Sec-Fetch-Site: same-origin': { 'sec-fetch-site': 'same-origin', origin: OWN_ORIGIN },
  'our own Origin, no Sec-Fetch-Site': { origin: OWN_ORIGIN },
};

// The CSRF check is an HTTP hook in front of everything, independent of the database: one stack is enough.
describe('CSRF: state-changing requests that carry cookies must come from our own origin', () => {
  let server: TestServer;
  let staffId: string;
  let participantId: string;
  beforeAll(async () => {
    server = await startTestServer();
    staffId = (await staffMember(server, 'owner', 'csrf@test.warmpath.local')).id;
    await ensureTrack(server, 'csrf');
    participantId = (await portalParticipant(server, 'csrf@partners.example', 'csrf')).id;
  });
  afterAll(() => server.close());

  /** A browser's cookies: a fresh staff and portal session, so a sign-out that gets through ends nothing shared. */
  async function browserCookies() {
    const { sessions } = server.runtime.services;
    const staff = (await sessions.createSession({ type: 'user', id: staffId })).token;
    const portal = (await sessions.createSession({ type: 'participant', id: participantId })).token;
    return { staff, portal, cookie: `${STAFF_SESSION_COOKIE}=${staff}; ${PORTAL_SESSION_COOKIE}=${portal}` };
  }
  const stillSignedIn = async (staff: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { cookie: `${STAFF_SESSION_COOKIE}=${staff}` },
    });
    return res.json().result.data !== null;
  };

  const mutations = listProcedures(appRouter).filter((procedure) => procedure.type === 'mutation');
  /** A mutation from a browser freshly signed in (staff and portal cookies), with these extra headers. */
  const mutateSignedIn = async (path: string, headers: Record<string, string>) => {
    const browser = await browserCookies();
    return server.app.inject({
      method: 'POST',
      url: `/trpc/${path}`,
      headers: { 'content-type': 'application/json', cookie: browser.cookie, ...headers },
      payload: '{}',
    });
  };

  it('refuses every tRPC mutation sent cross-site with cookies (403), and the refused call changes nothing', async () => {
    expect(mutations.map((m) => m.path)).toEqual(expect.arrayContaining(['auth.signOut', 'auth.signIn']));
    const served: string[] = [];
    for (const { path } of mutations) {
      for (const [how, headers] of Object.entries(CROSS_SITE)) {
        const res = await mutateSignedIn(path, headers);
        if (res.statusCode !== 403 || !res.body.includes(CSRF_CODE))
          served.push(`${path} with ${how}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(served).toEqual([]);
    // A cross-site sign-out, refused, leaves the session as it was.
    const browser = await browserCookies();
    await server.app.inject({
      method: 'POST',
      url: '/trpc/auth.signOutEverywhere',
      headers: {
        'content-type': 'application/json',
        cookie: browser.cookie,
        ...CROSS_SITE['a foreign Origin'],
      },
    });
    expect(await stillSignedIn(browser.staff)).toBe(true);
  });

  it('serves the same mutations from our own origin', async () => {
    const refused: string[] = [];
    for (const { path } of mutations) {
      for (const [how, headers] of Object.entries(SAME_ORIGIN)) {
        const res = await mutateSignedIn(path, headers);
        // The caller is an owner: no 403 of any kind is expected.
        if (res.statusCode === 403) refused.push(`${path} with ${how}: ${res.body}`);
      }
    }
    expect(refused).toEqual([]);
    const browser = await browserCookies();
    const signOut = await server.app.inject({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: {
        'content-type': 'application/json',
        cookie: browser.cookie,
        ...SAME_ORIGIN['Sec-Fetch-Site: same-origin'],
      },
    });
    expect(signOut.statusCode, signOut.body).toBe(200);
    expect(await stillSignedIn(browser.staff)).toBe(false);
  });

  it('leaves reads alone: GET queries answer cross-site (SameSite and CORS keep their answers from other sites)', async () => {
    const browser = await browserCookies();
    for (const headers of Object.values(CROSS_SITE)) {
      const res = await server.app.inject({
        method: 'GET',
        url: '/trpc/auth.me',
        headers: { cookie: browser.cookie, ...headers },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('runs a mutation only for POST: GET (a link, an image), HEAD, OPTIONS, PUT, PATCH, DELETE change nothing', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'] as const) {
      const browser = await browserCookies();
      const res = await server.app.inject({
        method,
        url: '/trpc/auth.signOutEverywhere',
        headers: { cookie: browser.cookie, ...SAME_ORIGIN['Sec-Fetch-Site: same-origin'] },
      });
      if (method !== 'HEAD') expect(res.statusCode, method).toBeGreaterThanOrEqual(400);
      expect(await stillSignedIn(browser.staff), method).toBe(true);
    }
  });

  it('lets cookie-less calls through (API keys and servers are not exposed to CSRF)', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tracks',
      headers: { authorization: `Bearer ${server.apiKey}`, origin: 'https://integration.example' },
      payload: {
        slug: 'from-a-server',
        name: 'From a server',
        kind: 'client',
        landingUrl: 'https://example.com/',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a cross-site REST call that carries cookies, with problem+json', async () => {
    const browser = await browserCookies();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/tracks',
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        cookie: browser.cookie,
        'sec-fetch-site': 'cross-site',
      },
      payload: { slug: 'cross-site', name: 'Cross', kind: 'client', landingUrl: 'https://example.com/' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('portal sign-in links sign nobody in on GET, and take their POST from the same origin only, cookies or not', async () => {
    for (const path of ['/portal/login', '/portal/login/magic', '/portal/enrol/verify']) {
      const opened = await server.app.inject({
        method: 'GET',
        url: `${path}?token=not-a-real-token`,
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(opened.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE)).toBeUndefined();
      for (const cookie of [undefined, (await browserCookies()).cookie]) {
        const posted = await server.app.inject({
          method: 'POST',
          url: path,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'sec-fetch-site': 'cross-site',
            ...(cookie ? { cookie } : {}),
          },
          payload: 'token=not-a-real-token',
        });
        expect(posted.statusCode, path).toBe(403);
        expect(posted.cookies.find((c) => c.name === PORTAL_SESSION_COOKIE)).toBeUndefined();
      }
    }
  });
});
