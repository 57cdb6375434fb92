import { portalFormForInputSchema } from '@warmpath/core';
import { participantProcedure } from '../trpc.js';

/** The intake form of a track I am enrolled in (fields, labels, types, options) and the contact roles. */
export const formFor = participantProcedure
  .input(portalFormForInputSchema)
  .query(({ ctx, input }) => ctx.runtime.services.portalTracks.formFor(ctx.participant.id, input));
