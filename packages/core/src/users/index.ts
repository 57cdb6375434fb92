export { ARGON2_OPTIONS, argon2PasswordHasher, type PasswordHasher } from './password.js';
export {
  LOCKED_OUT_AUDIT_ACTION,
  SIGN_IN_REFUSED_MESSAGE,
  type SignInLockoutLimits,
} from './password-sign-in.js';
export {
  STAFF_ACCOUNT_AUDIT_ACTIONS,
  StaffAccountService,
  type StaffAccountServiceDeps,
} from './staff-account.service.js';
export type { StaffActor } from './staff-account-rules.js';
export { StaffSignInService, type StaffSignInServiceDeps } from './staff-sign-in.service.js';
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
