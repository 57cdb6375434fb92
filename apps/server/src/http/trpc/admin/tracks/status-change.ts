import { changeTrackStatus, type TrackStatusAction } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { trackIdInput } from './track-id-input.js';

function statusChange(action: TrackStatusAction) {
  return staffProcedure
    .meta({ permission: 'tracks:write' })
    .input(trackIdInput)
    .mutation(({ ctx, input }) =>
      changeTrackStatus(
        { db: ctx.runtime.database.db, tracks: ctx.runtime.services.tracks },
        input.id,
        action,
        staffAuditContext(ctx),
      ),
    );
}

/** Stops a track's links for a while. */
export const trackPause = statusChange('pause');
/** Brings a paused or archived track back. */
export const trackResume = statusChange('resume');
/** Retires a track: its links stop and nobody can be enrolled in it. */
export const trackArchive = statusChange('archive');
