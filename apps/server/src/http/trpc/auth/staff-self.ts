import { type StaffRole, staffAccessOf } from '@warmpath/core';

/**
 * A staff member as the console knows them after `auth.me`, `auth.signIn` or `auth.acceptInvitation`: who they
 * are and what their role lets them do, so the console shows only the actions the server would allow.
 */
export function staffSelf(user: { id: string; email: string; name: string; role: StaffRole }) {
  const { id, email, name, role } = user;
  return { id, email, name, role, ...staffAccessOf(role) };
}
