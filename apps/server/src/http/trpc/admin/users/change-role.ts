import { staffRoleSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { userIdInput } from './user-id-input.js';

/** Gives another account a role (not one's own; admins cannot touch owners; the last owner stays). */
export const userChangeRole = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(userIdInput.extend({ role: staffRoleSchema }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.staffAccounts.changeRole(input.id, input.role, ctx.staff, staffAuditContext(ctx)),
  );
