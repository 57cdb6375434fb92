import { z } from 'zod';
import { enforceRateLimit } from '../../rate-limits.js';
import { staffSessionProcedure } from '../trpc.js';

/** The signed-in staff member changes their password (current one required); their other sessions end. */
export const changePassword = staffSessionProcedure
  .input(z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) }))
  .mutation(async ({ ctx, input }) => {
    // A stolen session must not become a password oracle: guesses of the current password count as sign-ins.
    await enforceRateLimit(ctx, 'sign-in', 'auth.changePassword', ctx.staff.email);
    await ctx.runtime.services.staffPasswords.changePassword(ctx.staff.id, input, {
      keepSessionId: ctx.staff.sessionId,
      ip: ctx.req.ip,
    });
    return { ok: true as const };
  });
