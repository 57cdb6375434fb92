import { useQuery } from '@tanstack/react-query';
import { trpc } from '../api/trpc.js';
import type { Permission, StaffAccount, StaffUser } from '../api/types.js';

/**
 * The signed-in staff member as `auth.me` last answered (the `_staff` route loads it before any page renders), or
 * null while unknown.
 */
export function useSignedInStaff(): StaffUser | null {
  return useQuery(trpc.auth.me.queryOptions()).data ?? null;
}

/**
 * True when the signed-in staff member's role holds `permission`: the list comes from the server's own matrix
 * (`ROLE_PERMISSIONS` in core), so the console hides exactly what the server would refuse. False while unknown.
 */
export function useCan(permission: Permission): boolean {
  return useSignedInStaff()?.permissions.includes(permission) ?? false;
}

/**
 * True when `me` may change `account` (role, status, password reset): not their own, and only accounts whose role
 * they may give (admins cannot touch owners), as the server's staff-account rules say. A plain function, so table
 * cells can call it per row.
 */
export function mayManage(me: StaffUser | null, account: Pick<StaffAccount, 'id' | 'role'>): boolean {
  if (!me || me.id === account.id) return false;
  return me.permissions.includes('users:manage') && me.assignableRoles.includes(account.role);
}
