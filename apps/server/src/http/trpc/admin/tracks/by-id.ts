import { getTrackById } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { trackIdInput } from './track-id-input.js';

/** One track with every setting, for the track editor. */
export const trackById = staffProcedure
  .meta({ permission: 'tracks:read' })
  .input(trackIdInput)
  .query(({ ctx, input }) => getTrackById(ctx.runtime.database.db, input.id));
