import { publicProcedure } from '../trpc.js';

/**
 * The participant signed in to the portal, with their referral links, or null. Always the session's own
 * participant: there is no input to ask for anyone else.
 */
export const me = publicProcedure.query(async ({ ctx }) => {
  if (!ctx.participant) return null;
  return ctx.runtime.services.participants.findPortalParticipant(ctx.participant.id);
});
