import { z } from 'zod';
import { enforceRateLimit } from '../../rate-limits.js';
import { clearStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';

/** Sets a new password from an emailed reset link; every session of the account ends (sign in again). */
export const resetPassword = publicProcedure
  .input(z.strictObject({ token: z.string().min(1).max(200), password: z.string().max(1024) }))
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'auth.resetPassword');
    await ctx.runtime.services.staffPasswords.resetPassword(input.token, input.password, { ip: ctx.req.ip });
    clearStaffSessionCookie(ctx.runtime.config, ctx.res);
    return { ok: true as const };
  });
