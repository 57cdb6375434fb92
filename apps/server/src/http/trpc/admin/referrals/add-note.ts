import { addNoteInputSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Adds an internal note (never shown to the referrer). */
export const referralAddNote = staffProcedure
  .meta({ permission: 'referrals:notes' })
  .input(addNoteInputSchema.extend({ id: z.string().min(1).max(100) }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.referrals.addNote(input.id, input.body, staffAuditContext(ctx)),
  );
