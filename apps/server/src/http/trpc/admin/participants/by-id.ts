import { getParticipantProfile } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';

/** A participant's profile: enrolments with their links and clicks, and their referrals. */
export const participantById = staffProcedure
  .meta({ permission: 'participants:read' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .query(({ ctx, input }) =>
    getParticipantProfile(ctx.runtime.database.db, { publicUrl: ctx.runtime.config.PUBLIC_URL }, input.id),
  );
