import { type StaffRole, staffAccessOf } from '@warmpath/core';
import type { StaffUser } from '../api/types.js';

/**
 * A staff member as `auth.me` answers them, with the permissions core's matrix gives `role` (the server sends the
 * same), so a test sees what that role really sees.
 */
export function staffMember(role: StaffRole, name = `Ada ${role}`): StaffUser {
  return { id: `u-${role}`, email: `${role}@example.com`, name, role, ...staffAccessOf(role) };
}
