import { createTrackInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Creates a track with any of its settings (the rest take their defaults, the form the B2B intake form). */
export const trackCreate = staffProcedure
  .meta({ permission: 'tracks:write' })
  .input(createTrackInputSchema)
  .mutation(({ ctx, input }) => ctx.runtime.services.tracks.create(input, staffAuditContext(ctx)));
