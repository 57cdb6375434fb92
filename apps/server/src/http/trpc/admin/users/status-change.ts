import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { userIdInput } from './user-id-input.js';

/** Disables another account: it cannot sign in and its sessions end at once. */
export const userDisable = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(userIdInput)
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.staffAccounts.disable(input.id, ctx.staff, staffAuditContext(ctx)),
  );

/** Enables a disabled account again. */
export const userEnable = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(userIdInput)
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.staffAccounts.enable(input.id, ctx.staff, staffAuditContext(ctx)),
  );
