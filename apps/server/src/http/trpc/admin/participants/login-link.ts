import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** A one-time portal login URL for a participant, for a staff member to copy and hand over (valid 15 minutes). */
export const participantLoginLink = staffProcedure
  .meta({ permission: 'participants:write' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.participantLogins.createLoginLink(input.id, staffAuditContext(ctx)),
  );
