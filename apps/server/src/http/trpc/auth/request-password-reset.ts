import { z } from 'zod';
import { enforceRateLimit } from '../../rate-limits.js';
import { publicProcedure } from '../trpc.js';

/**
 * Asks for a password reset link. Always answers `{ ok: true }` (an email is sent only when the account exists), so
 * the answer does not tell which emails have accounts.
 */
export const requestPasswordReset = publicProcedure
  .input(z.strictObject({ email: z.string().trim().max(320) }))
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'email-link', 'auth.requestPasswordReset', input.email);
    await ctx.runtime.services.staffPasswords.requestReset(input.email, { ip: ctx.req.ip });
    return { ok: true as const };
  });
