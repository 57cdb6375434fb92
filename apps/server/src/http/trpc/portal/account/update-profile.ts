import { updatePortalProfileInputSchema } from '@warmpath/core';
import { participantProcedure } from '../../trpc.js';

/** Changes the signed-in participant's own name; there is no input naming anyone else. */
export const updateProfile = participantProcedure
  .input(updatePortalProfileInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { portalAccounts, participants } = ctx.runtime.services;
    await portalAccounts.updateProfile(ctx.participant.id, input, { ip: ctx.req.ip });
    return participants.findPortalParticipant(ctx.participant.id);
  });
