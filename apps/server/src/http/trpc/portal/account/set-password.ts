import { setPortalPasswordInputSchema } from '@warmpath/core';
import { participantProcedure } from '../../trpc.js';

/**
 * Sets or changes the participant's portal password (argon2id, like staff passwords). Changing one needs the
 * current password; a wrong one is BAD_REQUEST with an issue on `currentPassword`.
 */
export const setPassword = participantProcedure
  .input(setPortalPasswordInputSchema)
  .mutation(async ({ ctx, input }) => {
    await ctx.runtime.services.portalAccounts.setPassword(ctx.participant.id, input, { ip: ctx.req.ip });
    return { ok: true as const };
  });
