import { API_SCOPES, STAFF_ROLES, type StaffRole } from '@warmpath/core';
import { PORTAL_SESSION_COOKIE, STAFF_SESSION_COOKIE } from '../http/session-cookies.js';
import type { TestServer } from '../testing/test-server.js';
import type { CallerHeaders, ScopeKeys } from './access-matrix.js';

const PASSWORD = 'matrix password, long enough';

/** Calls the v1 API with the test server's all-scopes key (fixture setup only). */
export function adminApi(server: Pick<TestServer, 'app' | 'apiKey'>) {
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${server.apiKey}` },
      ...(payload ? { payload } : {}),
    });
}

/** A track to enrol participants in (created through REST v1, like an integration would). */
export async function ensureTrack(server: Pick<TestServer, 'app' | 'apiKey'>, slug: string): Promise<void> {
  const res = await adminApi(server)('POST', '/api/v1/tracks', {
    slug,
    name: slug,
    kind: 'partner',
    landingUrl: 'https://example.com/',
  });
  if (res.statusCode !== 201 && res.statusCode !== 409)
    throw new Error(`track: ${res.statusCode} ${res.body}`);
}

/**
 * Enrols a participant and signs them in to the portal the way a browser does: a one-time login link from
 * `POST /api/v1/participants/{id}/login-links`, confirmed. Returns their id and the portal session token.
 */
export async function portalParticipant(
  server: Pick<TestServer, 'app' | 'apiKey'>,
  email: string,
  track: string,
): Promise<{ id: string; token: string }> {
  const api = adminApi(server);
  const created = await api('POST', '/api/v1/participants', {
    email,
    name: email.split('@')[0],
    tracks: [track],
  });
  if (created.statusCode >= 300) throw new Error(`participant: ${created.statusCode} ${created.body}`);
  const { id } = created.json() as { id: string };
  const link = new URL((await api('POST', `/api/v1/participants/${id}/login-links`)).json().url);
  // What the link's confirmation page submits when the participant presses "Continue".
  const login = await server.app.inject({
    method: 'POST',
    url: link.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `token=${link.searchParams.get('token') ?? ''}`,
  });
  const token = login.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE)?.value;
  if (!token) throw new Error(`portal login failed: ${login.statusCode}`);
  return { id, token };
}

/** Creates a staff account of `role` and signs it in through `auth.signIn`; returns its id and session token. */
export async function staffMember(
  server: Pick<TestServer, 'app' | 'runtime'>,
  role: StaffRole,
  email = `matrix-${role}@test.warmpath.local`,
): Promise<{ id: string; email: string; password: string; token: string }> {
  const user = await server.runtime.services.users.createUser({
    email,
    name: `Matrix ${role}`,
    role,
    password: PASSWORD,
  });
  const res = await server.app.inject({
    method: 'POST',
    url: '/trpc/auth.signIn',
    // One client address per account, so sign-in rate limits (per address) never see a burst from the suite.
    remoteAddress: `198.51.100.${STAFF_ROLES.indexOf(role) + 10}`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password: PASSWORD }),
  });
  const token = res.cookies.find((cookie) => cookie.name === STAFF_SESSION_COOKIE)?.value;
  if (res.statusCode !== 200 || !token)
    throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
  return { id: user.id, email, password: PASSWORD, token };
}

/**
 * The callers of the tRPC matrix: anonymous, a portal participant and one staff member per role, each with a real
 * session (signed in through `auth.signIn` / a login link). A call that asks for a fresh session gets a new one
 * from the session service, the one sign-in uses, so mutations such as sign-out never end a shared session.
 */
export async function matrixCallers(server: TestServer): Promise<CallerHeaders> {
  await ensureTrack(server, 'matrix');
  const participant = await portalParticipant(server, 'matrix-participant@example.com', 'matrix');
  const staff = new Map<StaffRole, { id: string; token: string }>();
  for (const role of STAFF_ROLES) staff.set(role, await staffMember(server, role));
  const { sessions } = server.runtime.services;
  return async (caller, fresh): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return {};
    if (caller === 'participant') {
      const token = fresh
        ? (await sessions.createSession({ type: 'participant', id: participant.id })).token
        : participant.token;
      return { cookie: `${PORTAL_SESSION_COOKIE}=${token}` };
    }
    const member = staff.get(caller);
    if (!member) throw new Error(`no staff member for ${caller}`);
    const token = fresh
      ? (await sessions.createSession({ type: 'user', id: member.id })).token
      : member.token;
    return { cookie: `${STAFF_SESSION_COOKIE}=${token}` };
  };
}

/** For each scope, a key holding only it and a key holding every other scope. */
export async function scopeKeys(server: Pick<TestServer, 'runtime'>): Promise<ScopeKeys> {
  const { apiKeys } = server.runtime.services;
  const entries = await Promise.all(
    API_SCOPES.map(async (scope) => {
      const only = await apiKeys.createApiKey({ name: `only ${scope}`, scopes: [scope] });
      const allBut = await apiKeys.createApiKey({
        name: `all but ${scope}`,
        scopes: API_SCOPES.filter((other) => other !== scope),
      });
      return [scope, { only: only.key, allBut: allBut.key }] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as ScopeKeys;
}
