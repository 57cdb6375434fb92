import { z } from 'zod';
import { enforceRateLimit } from '../../../rate-limits.js';
import { clearPortalSessionCookie } from '../../../session-cookies.js';
import { publicProcedure } from '../../trpc.js';

/**
 * Sets a new portal password from an emailed reset link. Every portal session of the participant ends, this
 * browser's cookie is cleared, and nobody is signed in: they sign in with the new password. A link that does not
 * work is BAD_REQUEST on `token`. Rate-limited per IP like sign-in.
 */
export const resetPassword = publicProcedure
  .input(z.strictObject({ token: z.string().min(1).max(200), password: z.string().max(1024) }))
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'portal.auth.resetPassword');
    await ctx.runtime.services.portalPasswords.resetPassword(input, { ip: ctx.req.ip });
    clearPortalSessionCookie(ctx.runtime.config, ctx.res);
    return { ok: true as const };
  });
