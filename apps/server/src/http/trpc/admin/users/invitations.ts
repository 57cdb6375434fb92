import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Invitations not yet accepted, revoked or expired, newest first. */
export const pendingInvitations = staffProcedure
  .meta({ permission: 'users:read' })
  .query(({ ctx }) => ctx.runtime.services.invitations.listPending());

/** Withdraws a pending invitation: its link stops working. */
export const revokeInvitation = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.invitations.revoke(input.id, ctx.staff, staffAuditContext(ctx)),
  );
