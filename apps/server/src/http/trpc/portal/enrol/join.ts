import { portalFormForInputSchema } from '@warmpath/core';
import { participantProcedure } from '../../trpc.js';

/**
 * Joins another track that takes sign-ups, for a participant already signed in (no email round-trip: signing in
 * confirmed the address). NOT_FOUND for an unknown track, FORBIDDEN for one that takes no sign-ups; joining a track
 * again changes nothing.
 */
export const join = participantProcedure.input(portalFormForInputSchema).mutation(async ({ ctx, input }) => {
  const { selfEnrolment, portalTracks } = ctx.runtime.services;
  await selfEnrolment.join(ctx.participant, input, { ip: ctx.req.ip });
  return portalTracks.myTracks(ctx.participant.id);
});
