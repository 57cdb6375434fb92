import { TRPCError } from '@trpc/server';
import { portalSignInInputSchema, recordAudit } from '@warmpath/core';
import { PORTAL_SESSION_COOKIE, setPortalSessionCookie } from '../../../session-cookies.js';
import { publicProcedure } from '../../trpc.js';

/** Portal sign-in with email and password; sets the portal session cookie. */
export const signIn = publicProcedure.input(portalSignInInputSchema).mutation(async ({ ctx, input }) => {
  const { portalAccounts, sessions, participants } = ctx.runtime.services;
  const participantId = await portalAccounts.verifyCredentials(input.email, input.password);
  if (!participantId) {
    await recordAudit(ctx.runtime.database.db, {
      actor: { type: 'system', id: null },
      action: 'auth.sign_in_failed',
      target: { type: 'participant', id: null },
      changes: { email: input.email.trim().toLowerCase() },
      ip: ctx.req.ip,
    });
    // The staff sign-in's message: the answer must not reveal which addresses take part or have a password.
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
  }
  // Signing in as someone else in this browser ends the earlier portal session rather than leaving it valid.
  const previous = ctx.req.cookies[PORTAL_SESSION_COOKIE];
  if (previous) {
    const validated = await sessions.validateSessionToken(previous);
    if (validated) await sessions.invalidateSession(validated.session.id);
  }
  const { token, session } = await sessions.createSession({ type: 'participant', id: participantId });
  await recordAudit(ctx.runtime.database.db, {
    actor: { type: 'participant', id: participantId },
    action: 'auth.signed_in',
    target: { type: 'participant', id: participantId },
    changes: { method: 'password' },
    ip: ctx.req.ip,
  });
  setPortalSessionCookie(ctx.runtime.config, ctx.res, token, session.expiresAt);
  return { participant: await participants.findPortalParticipant(participantId) };
});
