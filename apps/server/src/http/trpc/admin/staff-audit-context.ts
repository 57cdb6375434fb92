import type { AuditContext, ReferralMover } from '@warmpath/core';
import type { StaffPrincipal } from '../trpc.js';

/** Who acts in a console call, for the audit log and referral history: the signed-in staff member, from their address. */
export function staffAuditContext(ctx: { staff: StaffPrincipal; req: { ip: string } }): AuditContext {
  return { actor: { type: 'user', id: ctx.staff.id }, ip: ctx.req.ip };
}

/** The signed-in staff member moving a referral, with the role core's move policy decides by. */
export function staffMover(ctx: { staff: StaffPrincipal; req: { ip: string } }): ReferralMover {
  return { actor: { type: 'user', id: ctx.staff.id }, role: ctx.staff.role, ip: ctx.req.ip };
}
