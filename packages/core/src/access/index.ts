export {
  assignableRoles,
  PERMISSIONS,
  type Permission,
  permissionSchema,
  ROLE_PERMISSIONS,
  roleCan,
  type StaffAccess,
  staffAccessOf,
} from './permissions.js';
