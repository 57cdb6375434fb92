import { RateLimitedError } from '@warmpath/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../app/runtime.js';
import { enforceRateLimit } from './rate-limits.js';
import { PORTAL_SESSION_COOKIE, setPortalSessionCookie } from './session-cookies.js';
import {
  redeemSignInLink,
  SIGN_IN_LINK_KINDS,
  SIGN_IN_LINK_PATHS,
  type SignInLinkKind,
} from './sign-in-links.js';

/** Where a used, expired or unknown link lands: the sign-in page says "this link has expired, ask for a new one". */
export const PORTAL_LOGIN_FAILED_PATH = '/portal/sign-in?login=expired';

/** Where a working link lands, signed in. */
export const PORTAL_HOME_PATH = '/portal/';

/** The largest form body a link's confirmation sends (one token field). */
const FORM_BODY_LIMIT = 1024;

/**
 * The second half of the portal's sign-in links (see sign-in-links.ts). Opening a link (GET) only shows a portal
 * page naming whom it signs in ("Continue as Ada <ada@…>"), and uses nothing; the page's button POSTs the token
 * back to the same path, here. So a link alone cannot sign anyone in: a page that makes a browser open someone
 * else's link (login CSRF) gets the question, not a session. These POSTs are same-origin only, with or without
 * cookies (`sameOriginOnly`, csrf.ts): another site cannot submit the form for the visitor.
 *
 * A working token is used up; the browser's previous portal session ends and the participant gets a new one, and
 * lands on the portal; anything else lands on the sign-in page with no hint of why beyond "expired". Rate-limited
 * per IP like sign-in (guessing tokens is hopeless, but not free to try). Register after the rate limits and
 * before the static apps.
 */
export async function portalLoginRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  for (const kind of SIGN_IN_LINK_KINDS) {
    app.post(SIGN_IN_LINK_PATHS[kind], { config: { sameOriginOnly: true } }, (request, reply) =>
      signInWithLink(runtime, request, reply, kind),
    );
  }
}

/** Redeems the form's `token` and, when it names a participant, signs them in on this browser. */
async function signInWithLink(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: SignInLinkKind,
) {
  reply.header('cache-control', 'no-store');
  try {
    await enforceRateLimit({ req: request, res: reply }, 'sign-in', `portal.link.${kind}`);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    // A page, not an API: a short text answer (Retry-After is already set), the token left unused.
    return reply.code(429).type('text/plain; charset=utf-8').send(error.message);
  }
  const token = tokenOf(request.body);
  const participantId = token
    ? await redeemSignInLink(runtime.services, kind, token, { ip: request.ip })
    : null;
  if (!participantId) return reply.redirect(PORTAL_LOGIN_FAILED_PATH, 303);

  // A browser signed in as someone else switches to the link's participant: the old session ends, not just hides.
  const { token: sessionToken, session } = await runtime.services.sessions.switchSession(
    { type: 'participant', id: participantId },
    request.cookies[PORTAL_SESSION_COOKIE],
  );
  setPortalSessionCookie(runtime.config, reply, sessionToken, session.expiresAt);
  return reply.redirect(PORTAL_HOME_PATH, 303);
}

/** The `token` field of the confirmation form; anything else (missing, repeated, not a form) is no token. */
function tokenOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { token } = body as { token?: unknown };
  return typeof token === 'string' && token.length > 0 && token.length <= 200 ? token : null;
}
