import { listParticipantsForConsole, participantDirectoryQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** Participants, newest first: search by name or email, filter by track; with referral and click counts. */
export const participantsList = staffProcedure
  .meta({ permission: 'participants:read' })
  .input(participantDirectoryQuerySchema)
  .query(({ ctx, input }) => listParticipantsForConsole(ctx.runtime.database.db, input));
