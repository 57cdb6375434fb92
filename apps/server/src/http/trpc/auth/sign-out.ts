import { recordAudit } from '@warmpath/core';
import { clearStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';

/** Ends the current staff session (if any) and clears its cookie. */
export const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.staff) {
    await ctx.runtime.services.sessions.invalidateSession(ctx.staff.sessionId);
    await recordAudit(ctx.runtime.database.db, {
      actor: { type: 'user', id: ctx.staff.id },
      action: 'auth.signed_out',
      target: { type: 'user', id: ctx.staff.id },
      ip: ctx.req.ip,
    });
  }
  clearStaffSessionCookie(ctx.runtime.config, ctx.res);
  return { ok: true as const };
});
