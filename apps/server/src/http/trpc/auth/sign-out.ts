import { clearStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';

/** Ends the current staff session (if any, audited) and clears its cookie. */
export const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.staff) {
    await ctx.runtime.services.sessions.signOut(
      ctx.staff.sessionId,
      { type: 'user', id: ctx.staff.id },
      { ip: ctx.req.ip },
    );
  }
  clearStaffSessionCookie(ctx.runtime.config, ctx.res);
  return { ok: true as const };
});
