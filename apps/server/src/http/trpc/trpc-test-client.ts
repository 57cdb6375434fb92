import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { STAFF_SESSION_COOKIE } from '../session-cookies.js';

/** Extra request headers, e.g. `cookie`, `origin`, `sec-fetch-site`. */
export type Headers = Record<string, string>;

/**
 * A minimal tRPC-over-HTTP client for `app.inject()` tests: non-batched calls the way the tRPC links send them
 * (queries as GET with `?input=<json>`, mutations as POST with a JSON body).
 */
export function trpcClient(app: FastifyInstance) {
  return {
    query(path: string, input?: unknown, headers: Headers = {}): Promise<LightMyRequestResponse> {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return app.inject({ method: 'GET', url: `/trpc/${path}${query}`, headers });
    },
    mutation(path: string, input?: unknown, headers: Headers = {}): Promise<LightMyRequestResponse> {
      return app.inject({
        method: 'POST',
        url: `/trpc/${path}`,
        headers: { 'content-type': 'application/json', ...headers },
        // Like the tRPC links: a mutation without input has no body, but still the JSON content type.
        ...(input === undefined ? {} : { payload: JSON.stringify(input) }),
      });
    },
  };
}

/** The `cookie` header carrying a staff session token. */
export function staffCookie(token: string): Headers {
  return { cookie: `${STAFF_SESSION_COOKIE}=${token}` };
}

/** The staff session cookie a response set, if any. */
export function staffSessionCookieOf(
  res: LightMyRequestResponse,
): LightMyRequestResponse['cookies'][number] | undefined {
  return res.cookies.find((cookie) => cookie.name === STAFF_SESSION_COOKIE);
}

/** Signs in and returns the session token from the cookie; throws when sign-in fails. */
export async function signIn(
  app: FastifyInstance,
  credentials: { email: string; password: string },
): Promise<string> {
  const res = await trpcClient(app).mutation('auth.signIn', credentials);
  const cookie = staffSessionCookieOf(res);
  if (res.statusCode !== 200 || !cookie) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookie.value;
}
