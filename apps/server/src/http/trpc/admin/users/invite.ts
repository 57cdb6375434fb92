import { inviteStaffInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Invites someone by email with a role the inviter may give; they get a 7-day single-use link. */
export const userInvite = staffProcedure
  .meta({ permission: 'users:manage' })
  .input(inviteStaffInputSchema)
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.invitations.invite(input, ctx.staff, staffAuditContext(ctx)),
  );
