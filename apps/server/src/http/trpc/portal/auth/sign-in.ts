import { portalSignInInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../../rate-limits.js';
import { PORTAL_SESSION_COOKIE, setPortalSessionCookie } from '../../../session-cookies.js';
import { publicProcedure } from '../../trpc.js';

/**
 * Portal sign-in with email and password; sets the portal session cookie. Rate-limited per IP and per email; a
 * wrong password, an unknown email and a locked-out email all get the staff sign-in's one UNAUTHORIZED answer.
 */
export const signIn = publicProcedure.input(portalSignInInputSchema).mutation(async ({ ctx, input }) => {
  await enforceRateLimit(ctx, 'sign-in', 'portal.auth.signIn', input.email);
  const { portalSignIn, sessions, participants } = ctx.runtime.services;
  const participantId = await portalSignIn.signIn(input.email, input.password, { ip: ctx.req.ip });
  // The browser's earlier portal session (someone else's, maybe) ends rather than staying valid.
  const { token, session } = await sessions.switchSession(
    { type: 'participant', id: participantId },
    ctx.req.cookies[PORTAL_SESSION_COOKIE],
  );
  setPortalSessionCookie(ctx.runtime.config, ctx.res, token, session.expiresAt);
  return { participant: await participants.findPortalParticipant(participantId) };
});
