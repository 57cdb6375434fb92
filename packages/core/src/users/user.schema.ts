import type { StaffRole } from '@warmpath/db';
import { z } from 'zod';

/** Staff roles, most powerful first. */
export const STAFF_ROLES = [
  'owner',
  'admin',
  'manager',
  'sales',
  'finance',
  'viewer',
] as const satisfies readonly StaffRole[];
export type { StaffRole };

export const staffRoleSchema = z.enum(STAFF_ROLES);

/** Lower-case and trimmed before it is checked or stored, so one person has one account. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(320));

/** Long passphrases are welcome; the cap only bounds the work a single sign-in can cause. */
export const passwordSchema = z.string().min(8, 'Use at least 8 characters').max(256);

/** Input of `UserService.createUser`; a user without a password cannot sign in until one is set. */
export const createUserInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: staffRoleSchema,
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** Input of `UserService.ensureOwner` (WARMPATH_ADMIN_EMAIL / WARMPATH_ADMIN_PASSWORD). */
export const ensureOwnerInputSchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export type EnsureOwnerInput = z.input<typeof ensureOwnerInputSchema>;

/** A staff account as the rest of the system sees it: never the password hash. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  hasPassword: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});
export type User = z.infer<typeof userSchema>;
