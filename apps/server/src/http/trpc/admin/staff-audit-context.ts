import type { AuditContext, StaffRole } from '@warmpath/core';
import type { StaffPrincipal } from '../trpc.js';

/** Who acts in a console call, for the audit log and referral history: the signed-in staff member, from their address. */
export function staffAuditContext(ctx: { staff: StaffPrincipal; req: { ip: string } }): AuditContext {
  return { actor: { type: 'user', id: ctx.staff.id }, ip: ctx.req.ip };
}

/**
 * The signed-in staff member with their role, for core policies that decide by it (a `ReferralMover` moving
 * referrals, an `ApiKeyManager` granting scopes).
 */
export function staffActor(ctx: { staff: StaffPrincipal; req: { ip: string } }): {
  actor: { type: 'user'; id: string };
  role: StaffRole;
  ip: string;
} {
  return { actor: { type: 'user', id: ctx.staff.id }, role: ctx.staff.role, ip: ctx.req.ip };
}
