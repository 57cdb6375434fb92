import { participantProcedure } from '../../trpc.js';

/** My tracks: each with my link, its counted clicks, my referrals and ready-made share text. */
export const mine = participantProcedure.query(({ ctx }) =>
  ctx.runtime.services.portalTracks.myTracks(ctx.participant.id),
);
