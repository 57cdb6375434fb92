import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Runtime } from '../app/runtime.js';
import { PORTAL_SESSION_COOKIE, setPortalSessionCookie } from './session-cookies.js';

/** Where a used, expired or unknown link lands: the portal shows "this link has expired, ask for a new one". */
export const PORTAL_LOGIN_FAILED_PATH = '/portal/?login=expired';

/**
 * `GET /portal/login?token=…`: the one-time login links of API.md. A valid token is used up, the participant gets
 * a portal session cookie and lands on the portal; anything else lands on the portal signed out, with no hint of
 * why beyond "expired". Register before the static apps, whose `/portal/*` would otherwise answer.
 */
export async function portalLoginRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  const { participantLogins, sessions } = runtime.services;

  app.get('/portal/login', async (request, reply) => {
    // The token is a secret in a URL: keep the answer out of caches (helmet already sends no Referer onwards).
    reply.header('cache-control', 'no-store');
    const { token } = request.query as { token?: unknown };
    const participantId =
      typeof token === 'string' ? await participantLogins.consumeLoginToken(token, { ip: request.ip }) : null;
    if (!participantId) return redirect(reply, PORTAL_LOGIN_FAILED_PATH);

    // A browser signed in as someone else switches to the link's participant: end the old session, not just hide it.
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
    return redirect(reply, '/portal/');
  });
}

function redirect(reply: FastifyReply, location: string) {
  return reply.redirect(location, 303);
}
