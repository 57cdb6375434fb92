export { ARGON2_OPTIONS, argon2PasswordHasher, type PasswordHasher } from './password.js';
export {
  type CreateUserInput,
  createUserInputSchema,
  type EnsureOwnerInput,
  emailSchema,
  ensureOwnerInputSchema,
  passwordSchema,
  STAFF_ROLES,
  type StaffRole,
  staffRoleSchema,
  type User,
  userSchema,
} from './user.schema.js';
export {
  type EnsureOwnerOutcome,
  USER_AUDIT_ACTIONS,
  UserService,
  type UserServiceDeps,
} from './user.service.js';
export { normaliseEmail } from './user-record.js';
