import { clearStaffSessionCookie } from '../../session-cookies.js';
import { staffSessionProcedure } from '../trpc.js';

/** Ends every session of the signed-in staff member, on every device, this one included (audited). */
export const signOutEverywhere = staffSessionProcedure.mutation(async ({ ctx }) => {
  const sessionsEnded = await ctx.runtime.services.sessions.signOutEverywhere(
    { type: 'user', id: ctx.staff.id },
    { ip: ctx.req.ip },
  );
  clearStaffSessionCookie(ctx.runtime.config, ctx.res);
  return { ok: true as const, sessionsEnded };
});
