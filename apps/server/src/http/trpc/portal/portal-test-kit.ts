import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../../../testing/test-server.js';
import { PORTAL_SESSION_COOKIE } from '../../session-cookies.js';
import type { Headers } from '../trpc-test-client.js';

/** REST v1 call with the test server's all-scopes API key. */
export function restCall(
  server: TestServer,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  return server.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${server.apiKey}` },
    ...(payload ? { payload } : {}),
  });
}

/** Creates a track through the REST API (extra fields as `POST /api/v1/tracks` takes them). */
export async function createTrack(server: TestServer, slug: string, extra: object = {}): Promise<void> {
  const res = await restCall(server, 'POST', '/api/v1/tracks', {
    slug,
    name: `Track ${slug}`,
    kind: 'client',
    landingUrl: 'https://example.com/',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`track ${slug}: ${res.statusCode} ${res.body}`);
}

/** Enrols a participant through the REST API; returns their id. */
export async function enrolParticipant(server: TestServer, email: string, tracks: string[]): Promise<string> {
  const res = await restCall(server, 'POST', '/api/v1/participants', {
    email,
    name: email.split('@')[0],
    tracks,
  });
  if (res.statusCode >= 300) throw new Error(`participant ${email}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export function portalCookieOf(
  res: LightMyRequestResponse,
): LightMyRequestResponse['cookies'][number] | undefined {
  return res.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE);
}

/** The `cookie` header carrying a portal session token. */
export function portalCookie(token: string): Headers {
  return { cookie: `${PORTAL_SESSION_COOKIE}=${token}` };
}

/** Path and query of an absolute link (what a browser requests when the link is followed). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Signs in through a one-time login link made by the API; returns the portal session headers. */
export async function signInByLoginLink(server: TestServer, participantId: string): Promise<Headers> {
  const link = await restCall(server, 'POST', `/api/v1/participants/${participantId}/login-links`);
  const res = await server.app.inject({ method: 'GET', url: pathOf(link.json().url) });
  const cookie = portalCookieOf(res);
  if (!cookie) throw new Error(`no portal session: ${res.statusCode} ${res.headers.location}`);
  return portalCookie(cookie.value);
}
