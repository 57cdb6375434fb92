import { requestMagicLinkInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../../rate-limits.js';
import { publicProcedure } from '../../trpc.js';

/**
 * Emails a 15-minute sign-in link when the address belongs to an active participant. Always answers ok, known
 * address or not, so the form cannot be used to find out who takes part. Rate-limited per IP and per email.
 */
export const requestMagicLink = publicProcedure
  .input(requestMagicLinkInputSchema)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'email-link', 'portal.auth.requestMagicLink', input.email);
    await ctx.runtime.services.magicLinks.requestMagicLink(input.email, { ip: ctx.req.ip });
    return { ok: true as const };
  });
