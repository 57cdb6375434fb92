import { clearPortalSessionCookie } from '../../../session-cookies.js';
import { publicProcedure } from '../../trpc.js';

/** Ends the current portal session (if any, audited) and clears its cookie; a staff session in the same browser stays. */
export const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.participant) {
    await ctx.runtime.services.sessions.signOut(
      ctx.participant.sessionId,
      { type: 'participant', id: ctx.participant.id },
      { ip: ctx.req.ip },
    );
  }
  clearPortalSessionCookie(ctx.runtime.config, ctx.res);
  return { ok: true as const };
});
