import { setPortalPasswordInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../../rate-limits.js';
import { participantProcedure } from '../../trpc.js';

/**
 * Sets or changes the participant's portal password (argon2id, like staff passwords). Changing one needs the
 * current password; a wrong one is BAD_REQUEST with an issue on `currentPassword`. Rate-limited like sign-in, since
 * it checks a password. The participant's other portal sessions end; this one stays.
 */
export const setPassword = participantProcedure
  .input(setPortalPasswordInputSchema)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'portal.account.setPassword', ctx.participant.email);
    await ctx.runtime.services.portalAccounts.setPassword(ctx.participant.id, input, {
      ip: ctx.req.ip,
      keepSessionId: ctx.participant.sessionId,
    });
    return { ok: true as const };
  });
