import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../testing/test-server.js';
import { type Headers, signIn, staffCookie, staffSessionCookieOf, trpcClient } from './trpc-test-client.js';

const stacks = await testStacks();

function dataOf(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.data;
}

function expectTrpcError(res: LightMyRequestResponse, code: string, httpStatus: number) {
  expect(res.statusCode, res.body).toBe(httpStatus);
  const { error } = res.json();
  expect(error.data).toMatchObject({ code, httpStatus });
  return error as { message: string };
}

describe.each(stacks)('tRPC on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
  });
  afterAll(() => server.close());

  async function auditActions(action: string) {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/v1/audit-log?action=${action}&limit=200`,
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json().data as {
      actor: { type: string; id: string | null };
      target: { id: string | null };
      changes?: unknown;
    }[];
  }

  describe('auth.signIn', () => {
    it('gives the same 401 for a wrong password and an unknown email, and sets no cookie', async () => {
      const wrongPassword = await trpc.mutation('auth.signIn', {
        email: server.owner.email,
        password: 'not the password',
      });
      const unknownEmail = await trpc.mutation('auth.signIn', {
        email: 'nobody@test.warmpath.local',
        password: server.owner.password,
      });
      const first = expectTrpcError(wrongPassword, 'UNAUTHORIZED', 401);
      const second = expectTrpcError(unknownEmail, 'UNAUTHORIZED', 401);
      expect(second.message).toBe(first.message);
      expect(staffSessionCookieOf(wrongPassword)).toBeUndefined();
      expect(staffSessionCookieOf(unknownEmail)).toBeUndefined();
    });

    it('sets an HttpOnly, SameSite=Lax session cookie, not Secure on http://localhost', async () => {
      const res = await trpc.mutation('auth.signIn', server.owner);
      expect(dataOf(res).user).toMatchObject({ email: server.owner.email, role: 'owner' });
      const cookie = staffSessionCookieOf(res);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value.length).toBeGreaterThan(20);
      expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now());
    });

    it('accepts an email pasted with surrounding spaces', async () => {
      const res = await trpc.mutation('auth.signIn', {
        email: `  ${server.owner.email} `,
        password: server.owner.password,
      });
      expect(dataOf(res).user.email).toBe(server.owner.email);
    });

    it('accepts the email in any letter case', async () => {
      const res = await trpc.mutation('auth.signIn', {
        email: server.owner.email.toUpperCase(),
        password: server.owner.password,
      });
      expect(dataOf(res).user.email).toBe(server.owner.email);
    });

    it('answers BAD_REQUEST to malformed input, never a 500', async () => {
      for (const input of [
        { email: 'not-an-email', password: 'x' },
        { email: server.owner.email },
        { ...server.owner, remember: true },
        'just a string',
      ]) {
        expectTrpcError(await trpc.mutation('auth.signIn', input), 'BAD_REQUEST', 400);
      }
      const noBody = await trpc.mutation('auth.signIn');
      expectTrpcError(noBody, 'BAD_REQUEST', 400);
      const notJson = await server.app.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      expect(notJson.statusCode).toBe(400);
    });

    it('records failed and successful sign-ins in the audit log, without the password', async () => {
      const wrong = 'wrong-password-for-audit';
      await trpc.mutation('auth.signIn', { email: 'Audit.Fail@Test.Warmpath.Local', password: wrong });
      const failed = await auditActions('auth.sign_in_failed');
      const entry = failed.find((e) => JSON.stringify(e.changes).includes('audit.fail@test.warmpath.local'));
      expect(entry).toBeDefined();
      expect(JSON.stringify(failed)).not.toContain(wrong);

      const before = (await auditActions('auth.signed_in')).length;
      const token = await signIn(server.app, server.owner);
      const me = dataOf(await trpc.query('auth.me', undefined, staffCookie(token)));
      const succeeded = await auditActions('auth.signed_in');
      expect(succeeded.length).toBe(before + 1);
      expect(succeeded[0]).toMatchObject({ actor: { type: 'user', id: me.id }, target: { id: me.id } });
      expect(JSON.stringify(succeeded)).not.toContain(server.owner.password);
    });
  });

  describe('sessions', () => {
    it('auth.me returns the signed-in user with the cookie and null without', async () => {
      const token = await signIn(server.app, server.owner);
      const me = dataOf(await trpc.query('auth.me', undefined, staffCookie(token)));
      expect(me).toEqual({
        id: expect.any(String),
        email: server.owner.email,
        name: expect.any(String),
        role: 'owner',
        // What the console may offer this role: core's matrix (auth/me.test.ts checks every role).
        permissions: expect.arrayContaining(['users:manage', 'tracks:write']),
        assignableRoles: expect.arrayContaining(['owner', 'viewer']),
      });
      expect(dataOf(await trpc.query('auth.me'))).toBeNull();
    });

    it('keeps admin procedures from anyone without a session', async () => {
      for (const path of ['admin.system.status', 'admin.tracks.list']) {
        expectTrpcError(await trpc.query(path), 'UNAUTHORIZED', 401);
      }
    });

    it('serves admin procedures to a signed-in staff member', async () => {
      await server.runtime.services.tracks.create({
        slug: 'admin-listed',
        name: 'Admin listed',
        kind: 'partner',
        landingUrl: 'https://example.com',
      });
      const cookie = staffCookie(await signIn(server.app, server.owner));
      const status = dataOf(await trpc.query('admin.system.status', undefined, cookie));
      expect(status).toMatchObject({
        database: stack.database,
        jobs: stack.queue,
        publicUrl: 'http://localhost:3000',
        mode: expect.any(String),
        version: expect.any(String),
        demoData: false,
      });
      const tracks = dataOf(await trpc.query('admin.tracks.list', undefined, cookie));
      expect(tracks.map((track: { slug: string }) => track.slug)).toContain('admin-listed');
    });

    it('ends the session on sign-out: the old cookie no longer works', async () => {
      const token = await signIn(server.app, server.owner);
      const res = await trpc.mutation('auth.signOut', undefined, staffCookie(token));
      expect(dataOf(res)).toEqual({ ok: true });
      const cleared = staffSessionCookieOf(res);
      expect(cleared?.value).toBe('');
      expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());

      expect(dataOf(await trpc.query('auth.me', undefined, staffCookie(token)))).toBeNull();
      expectTrpcError(
        await trpc.query('admin.tracks.list', undefined, staffCookie(token)),
        'UNAUTHORIZED',
        401,
      );
      expect((await auditActions('auth.signed_out')).length).toBeGreaterThan(0);
    });

    it('signing out one session leaves the others signed in', async () => {
      const kept = await signIn(server.app, server.owner);
      const ended = await signIn(server.app, server.owner);
      await trpc.mutation('auth.signOut', undefined, staffCookie(ended));
      expect(dataOf(await trpc.query('auth.me', undefined, staffCookie(kept)))).not.toBeNull();
    });

    it('rejects a tampered or made-up token', async () => {
      const token = await signIn(server.app, server.owner);
      const last = token.at(-1) === 'a' ? 'b' : 'a';
      const [id, secret] = token.split('.');
      const forged = [
        `${token.slice(0, -1)}${last}`,
        `${id}.${'A'.repeat(secret?.length ?? 20)}`,
        `${id}x.${secret}`,
        id ?? '',
        'garbage',
        `${'x'.repeat(5000)}.${'y'.repeat(5000)}`,
      ];
      for (const value of forged) {
        expect(dataOf(await trpc.query('auth.me', undefined, staffCookie(value)))).toBeNull();
        expectTrpcError(
          await trpc.query('admin.system.status', undefined, staffCookie(value)),
          'UNAUTHORIZED',
          401,
        );
      }
      expect(dataOf(await trpc.query('auth.me', undefined, staffCookie(token)))).not.toBeNull();
    });
  });

  describe('portal', () => {
    it('portal.me is null for anyone not signed in to the portal, staff included', async () => {
      expect(dataOf(await trpc.query('portal.me'))).toBeNull();
      const cookie = staffCookie(await signIn(server.app, server.owner));
      expect(dataOf(await trpc.query('portal.me', undefined, cookie))).toBeNull();
    });

    it('portal.program shows active tracks with public fields only', async () => {
      const { tracks } = server.runtime.services;
      await tracks.create({ slug: 'portal-open', name: 'Open', kind: 'client', landingUrl: 'https://e.x' });
      await tracks.create({
        slug: 'portal-paused',
        name: 'Paused',
        kind: 'client',
        landingUrl: 'https://e.x',
      });
      await tracks.update('portal-paused', { status: 'paused' });
      const program = dataOf(await trpc.query('portal.program'));
      const open = program.tracks.find((track: { slug: string }) => track.slug === 'portal-open');
      expect(open).toEqual({
        slug: 'portal-open',
        name: 'Open',
        kind: 'client',
        copy: {},
        selfEnrolment: false,
      });
      expect(program.tracks.map((track: { slug: string }) => track.slug)).not.toContain('portal-paused');
    });
  });

  describe('CSRF protection of cookie sessions', () => {
    let cookie: Record<string, string>;
    beforeAll(async () => {
      cookie = staffCookie(await signIn(server.app, server.owner));
    });

    async function stillSignedIn() {
      return dataOf(await trpc.query('auth.me', undefined, cookie)) !== null;
    }

    it('refuses a cookie-carrying POST from another site', async () => {
      const crossSite: Headers[] = [
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' },
        { origin: 'https://evil.example' },
        { origin: 'null' },
      ];
      for (const headers of crossSite) {
        const res = await trpc.mutation('auth.signOut', undefined, { ...cookie, ...headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(await stillSignedIn()).toBe(true);
      }
    });

    it('refuses cross-site cookie-carrying writes to the REST API too', async () => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tracks',
        headers: { ...cookie, authorization: `Bearer ${server.apiKey}`, origin: 'https://evil.example' },
        payload: { slug: 'csrf-made', name: 'CSRF', kind: 'client', landingUrl: 'https://e.x' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 403, detail: expect.any(String) });
      expect(await server.runtime.services.tracks.findBySlug('csrf-made')).toBeNull();
    });

    it('lets same-origin requests through', async () => {
      const sameOrigin: Headers[] = [
        { 'sec-fetch-site': 'same-origin' },
        { origin: 'http://localhost:3000' },
        { origin: 'http://warmpath.internal:8080', host: 'warmpath.internal:8080' },
        {},
      ];
      for (const headers of sameOrigin) {
        const res = await trpc.mutation('auth.signIn', server.owner, { ...cookie, ...headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(200);
      }
    });

    it('lets requests without cookies through, whatever their origin', async () => {
      const signInRes = await trpc.mutation('auth.signIn', server.owner, {
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      });
      expect(signInRes.statusCode).toBe(200);
      const restRes = await server.app.inject({
        method: 'POST',
        url: '/api/v1/tracks',
        headers: { authorization: `Bearer ${server.apiKey}`, origin: 'https://integration.example' },
        payload: { slug: 'cross-origin-api', name: 'API', kind: 'client', landingUrl: 'https://e.x' },
      });
      expect(restRes.statusCode).toBe(201);
    });

    it('lets cross-site reads through (they change nothing)', async () => {
      const res = await trpc.query('auth.me', undefined, { ...cookie, 'sec-fetch-site': 'cross-site' });
      expect(dataOf(res)).not.toBeNull();
    });
  });

  it('sends no stack traces to clients, whatever NODE_ENV says', async () => {
    const responses = [
      await trpc.query('admin.system.status'),
      await trpc.mutation('auth.signIn', { email: 'x' }),
      await trpc.query('admin.nothing'),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().error.data.stack).toBeUndefined();
      expect(res.body).not.toContain('node_modules');
    }
  });

  it('hides the details of an unexpected failure from clients', async () => {
    const { tracks } = server.runtime.services;
    const list = tracks.list;
    tracks.list = () => Promise.reject(new Error('connection to 10.0.0.7:5432 refused (pg_hba.conf)'));
    try {
      const cookie = staffCookie(await signIn(server.app, server.owner));
      const error = expectTrpcError(
        await trpc.query('admin.tracks.list', undefined, cookie),
        'INTERNAL_SERVER_ERROR',
        500,
      );
      expect(error.message).not.toContain('10.0.0.7');
      expect(error.message.length).toBeGreaterThan(0);
    } finally {
      tracks.list = list;
    }
  });

  it('answers NOT_FOUND for an unknown procedure', async () => {
    expectTrpcError(await trpc.query('admin.nothing'), 'NOT_FOUND', 404);
  });
});

describe('session cookie behind HTTPS', () => {
  // Cookie flags depend on configuration only, so one stack (the quickest to boot) is enough.
  const stack = stacks.at(-1);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack, env: { PUBLIC_URL: 'https://referrals.example.com' } });
  });
  afterAll(() => server.close());

  it('marks the session cookie Secure, and clears it Secure on sign-out', async () => {
    const trpc = trpcClient(server.app);
    const res = await trpc.mutation('auth.signIn', server.owner);
    const cookie = staffSessionCookieOf(res);
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    const out = await trpc.mutation('auth.signOut', undefined, staffCookie(cookie?.value ?? ''));
    expect(staffSessionCookieOf(out)).toMatchObject({ secure: true, value: '' });
  });

  it('accepts writes from the public origin when a proxy rewrites Host', async () => {
    const token = await signIn(server.app, server.owner);
    const res = await trpcClient(server.app).mutation('auth.signOut', undefined, {
      ...staffCookie(token),
      origin: 'https://referrals.example.com',
      host: 'warmpath:3000',
    });
    expect(res.statusCode).toBe(200);
  });
});
