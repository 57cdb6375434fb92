import { requestPortalPasswordResetInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../../rate-limits.js';
import { publicProcedure } from '../../trpc.js';

/**
 * "Forgot your password?": emails a 1-hour reset link when the address belongs to an active participant. Always
 * answers ok, known address or not. Rate-limited per IP and per email like the other emailed links.
 */
export const requestPasswordReset = publicProcedure
  .input(requestPortalPasswordResetInputSchema)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'email-link', 'portal.auth.requestPasswordReset', input.email);
    await ctx.runtime.services.portalPasswords.requestReset(input.email, { ip: ctx.req.ip });
    return { ok: true as const };
  });
