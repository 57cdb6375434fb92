import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { restCall } from '../../../testing/rest-test-kit.js';
import type { TestServer } from '../../../testing/test-server.js';
import { PORTAL_SESSION_COOKIE } from '../../session-cookies.js';
import type { Headers } from '../trpc-test-client.js';

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

/** Keys of staff-only data that must never reach a referrer, at any depth of a portal payload. */
export const REFERRER_HIDDEN_KEYS: readonly string[] = [
  'ownerId',
  'owner',
  'dealAmount',
  'deal_amount_minor',
  'notes',
  'note',
  'fraud',
  'evidence',
];

/** The portal session cookie a response set, if it set one. */
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

/** The portal session headers for the cookie this response set; fails the test if it set none. */
export function portalSessionOf(res: LightMyRequestResponse): Headers {
  const cookie =
    portalCookieOf(res) ?? expect.fail(`no portal session: ${res.statusCode} ${res.headers.location}`);
  return portalCookie(cookie.value);
}

/**
 * Uses a sign-in link as its confirmation page does once the visitor presses "Continue": a same-origin form POST of
 * the link's token to the link's path. `link` is the link (absolute, or path and query); the answer is the route's
 * (303 to the portal with a session cookie, or to the sign-in page).
 */
export function confirmSignInLink(
  server: TestServer,
  link: string,
  headers: Headers = {},
): Promise<LightMyRequestResponse> {
  const url = new URL(link, 'http://localhost:3000');
  const token = url.searchParams.get('token');
  return server.app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: token === null ? '' : new URLSearchParams({ token }).toString(),
  });
}

/** Signs in through a one-time login link made by the API; returns the portal session headers. */
export async function signInByLoginLink(server: TestServer, participantId: string): Promise<Headers> {
  const link = await restCall(server, 'POST', `/api/v1/participants/${participantId}/login-links`);
  return portalSessionOf(await confirmSignInLink(server, link.json().url));
}

/** A participant enrolled through the API and signed into the portal. */
export interface SignedInParticipant {
  id: string;
  /** The portal session headers. */
  session: Headers;
}

/** Enrols a participant through the API (see {@link enrolParticipant}) and signs them in by a login link. */
export async function enrolAndSignIn(
  server: TestServer,
  email: string,
  tracks: string[],
): Promise<SignedInParticipant> {
  const id = await enrolParticipant(server, email, tracks);
  return { id, session: await signInByLoginLink(server, id) };
}
