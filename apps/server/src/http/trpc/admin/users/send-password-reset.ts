import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { userIdInput } from './user-id-input.js';

/** Emails another account a 1-hour password reset link (not one's own; admins cannot reset owners); audited. */
export const userSendPasswordReset = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(userIdInput)
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.staffPasswords.sendResetFor(input.id, ctx.staff, staffAuditContext(ctx)),
  );
