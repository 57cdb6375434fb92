import { recordAudit, SESSION_AUDIT_ACTIONS } from '@warmpath/core';
import { clearStaffSessionCookie } from '../../session-cookies.js';
import { staffSessionProcedure } from '../trpc.js';

/** Ends every session of the signed-in staff member, on every device, this one included. */
export const signOutEverywhere = staffSessionProcedure.mutation(async ({ ctx }) => {
  const subject = { type: 'user' as const, id: ctx.staff.id };
  const ended = await ctx.runtime.services.sessions.invalidateAllSessions(subject);
  await recordAudit(ctx.runtime.database.db, {
    actor: subject,
    action: SESSION_AUDIT_ACTIONS.signedOutEverywhere,
    target: subject,
    changes: { sessions: ended },
    ip: ctx.req.ip,
  });
  clearStaffSessionCookie(ctx.runtime.config, ctx.res);
  return { ok: true as const, sessionsEnded: ended };
});
