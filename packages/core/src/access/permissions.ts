import { z } from 'zod';
import { API_SCOPES } from '../api-keys/api-key.schema.js';
import type { StaffRole } from '../users/user.schema.js';

/**
 * Everything a caller can be allowed to do, as `resource:action`. API key scopes are the subset an integration can
 * hold ({@link API_SCOPES}); the rest exist only for staff in the console.
 */
export const PERMISSIONS = [
  ...API_SCOPES,
  'dashboard:read',
  'system:read',
  'referrals:assign',
  'referrals:notes',
  'referrals:export',
  'participants:invite',
  'users:read',
  'users:manage',
  'api_keys:manage',
  'plugins:manage',
  'rewards:read',
  'rewards:approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const permissionSchema = z.enum(PERMISSIONS);

const READ_ALL = [
  'dashboard:read',
  'system:read',
  'tracks:read',
  'participants:read',
  'referrals:read',
  'rewards:read',
] as const satisfies readonly Permission[];

/**
 * The one permission matrix: what each staff role may do. tRPC procedures and REST routes both check it (through
 * `can`), and the access-matrix suite derives its expectations from it.
 *
 * - owner: everything, including other owners and admins.
 * - admin: runs the installation (users, keys, plugins, webhooks, tracks) — all but managing owners (see users).
 * - manager: runs the programs: tracks, participants, referrals end to end, review queue, exports, audit.
 * - sales: works the referrals routed to them: read the program, move referrals, add notes.
 * - finance: reads the program and approves rewards; reads the audit log.
 * - viewer: reads dashboards, tracks, participants and referrals; changes nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  manager: [
    ...READ_ALL,
    'tracks:write',
    'participants:write',
    'participants:invite',
    'referrals:write',
    'referrals:review',
    'referrals:assign',
    'referrals:notes',
    'referrals:export',
    'events:write',
    'webhooks:read',
    'audit:read',
    'users:read',
    'plugins:read',
  ],
  sales: [...READ_ALL, 'referrals:write', 'referrals:notes', 'users:read'],
  finance: [...READ_ALL, 'rewards:approve', 'referrals:export', 'audit:read', 'users:read'],
  viewer: [...READ_ALL],
};

const granted = new Map(
  Object.entries(ROLE_PERMISSIONS).map(([role, permissions]) => [role, new Set<Permission>(permissions)]),
);

/** True when a staff member with `role` may do `permission`. */
export function roleCan(role: StaffRole, permission: Permission): boolean {
  return granted.get(role)?.has(permission) ?? false;
}

/** Roles a staff member with `role` may give to others (and change accounts of): admins cannot make owners. */
export function assignableRoles(role: StaffRole): readonly StaffRole[] {
  if (role === 'owner') return ['owner', 'admin', 'manager', 'sales', 'finance', 'viewer'];
  if (role === 'admin') return ['admin', 'manager', 'sales', 'finance', 'viewer'];
  return [];
}

/** What the console shows a signed-in staff member: every permission of their role, and the roles they may give. */
export interface StaffAccess {
  permissions: Permission[];
  assignableRoles: StaffRole[];
}

/**
 * The access of `role`, from the same matrix the server enforces, so the console hides what the server would
 * refuse instead of keeping its own copy of the rules.
 */
export function staffAccessOf(role: StaffRole): StaffAccess {
  return { permissions: [...ROLE_PERMISSIONS[role]], assignableRoles: [...assignableRoles(role)] };
}
