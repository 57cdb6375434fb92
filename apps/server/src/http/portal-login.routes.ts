import { RateLimitedError } from '@warmpath/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../app/runtime.js';
import { enforceRateLimit } from './rate-limits.js';
import { PORTAL_SESSION_COOKIE, setPortalSessionCookie } from './session-cookies.js';

/** Where a used, expired or unknown link lands: the sign-in page says "this link has expired, ask for a new one". */
export const PORTAL_LOGIN_FAILED_PATH = '/portal/sign-in?login=expired';

/** Where a working link lands, signed in. */
export const PORTAL_HOME_PATH = '/portal/';

/**
 * The portal's emailed and handed-over links, each a GET a browser follows:
 * - `/portal/login?token=…`: the one-time login links of docs/api.md "Participants" (a product embedding the
 *   portal made it);
 * - `/portal/login/magic?token=…`: the magic link emailed on request from the sign-in page;
 * - `/portal/enrol/verify?token=…`: the email verification of a self-enrolment, which enrols and signs in.
 * A working token is used up, the participant gets a portal session cookie and lands on the portal; anything else
 * lands on the sign-in page with no hint of why beyond "expired". Each route is rate-limited per IP like sign-in
 * (guessing tokens is hopeless, but not free to try). Register after the rate limits and before the static apps,
 * whose `/portal/*` would otherwise answer.
 */
export async function portalLoginRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  const { participantLogins, magicLinks, selfEnrolment } = runtime.services;

  app.get('/portal/login', (request, reply) =>
    signInWithToken(runtime, request, reply, 'portal.login', (token) =>
      participantLogins.consumeLoginToken(token, { ip: request.ip }),
    ),
  );
  app.get('/portal/login/magic', (request, reply) =>
    signInWithToken(runtime, request, reply, 'portal.login.magic', (token) =>
      magicLinks.consumeMagicLinkToken(token, { ip: request.ip }),
    ),
  );
  app.get('/portal/enrol/verify', (request, reply) =>
    signInWithToken(runtime, request, reply, 'portal.enrol.verify', (token) =>
      selfEnrolment.verify(token, { ip: request.ip }),
    ),
  );
}

/** Redeems the `token` query parameter and, when it names a participant, signs them in. */
async function signInWithToken(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  routeName: string,
  redeem: (token: string) => Promise<string | null>,
) {
  // The token is a secret in a URL: keep the answer out of caches (helmet already sends no Referer onwards).
  reply.header('cache-control', 'no-store');
  try {
    await enforceRateLimit({ req: request, res: reply }, 'sign-in', routeName);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    // A page, not an API: a short text answer (Retry-After is already set), the token left unused.
    return reply.code(429).type('text/plain; charset=utf-8').send(error.message);
  }
  const { token } = request.query as { token?: unknown };
  const participantId = typeof token === 'string' ? await redeem(token) : null;
  if (!participantId) return redirect(reply, PORTAL_LOGIN_FAILED_PATH);

  // A browser signed in as someone else switches to the link's participant: end the old session, not just hide it.
  const { sessions } = runtime.services;
  const previous = request.cookies[PORTAL_SESSION_COOKIE];
  if (previous) {
    const validated = await sessions.validateSessionToken(previous);
    if (validated) await sessions.invalidateSession(validated.session.id);
  }
  const { token: sessionToken, session } = await sessions.createSession({
    type: 'participant',
    id: participantId,
  });
  setPortalSessionCookie(runtime.config, reply, sessionToken, session.expiresAt);
  return redirect(reply, PORTAL_HOME_PATH);
}

function redirect(reply: FastifyReply, location: string) {
  return reply.redirect(location, 303);
}
