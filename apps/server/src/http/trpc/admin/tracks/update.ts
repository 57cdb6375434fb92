import { getTrackById, updateTrackInputSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

// Status changes go through pause/resume/archive, which check where a track may move from.
const trackUpdateInput = z.strictObject({
  id: z.string().min(1).max(100),
  changes: updateTrackInputSchema.omit({ status: true }),
});

/** Changes any subset of a track's settings (form, routing, SLA, acceptance, visible stages, portal copy…). */
export const trackUpdate = staffProcedure
  .meta({ permission: 'tracks:write' })
  .input(trackUpdateInput)
  .mutation(async ({ ctx, input }) => {
    const track = await getTrackById(ctx.runtime.database.db, input.id);
    return ctx.runtime.services.tracks.update(track.slug, input.changes, staffAuditContext(ctx));
  });
