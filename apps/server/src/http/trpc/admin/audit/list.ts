import { auditListQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** The audit log browser: newest first, filtered by action, actor, target and time, with actor names. */
export const auditList = staffProcedure
  .meta({ permission: 'audit:read' })
  .input(auditListQuerySchema)
  .query(({ ctx, input }) => ctx.runtime.services.audit.listWithActorNames(input));
