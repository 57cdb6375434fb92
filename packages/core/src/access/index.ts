export {
  assignableRoles,
  PERMISSIONS,
  type Permission,
  permissionSchema,
  ROLE_PERMISSIONS,
  roleCan,
} from './permissions.js';
