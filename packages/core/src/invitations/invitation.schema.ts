import { z } from 'zod';
import { emailSchema, passwordSchema, staffRoleSchema } from '../users/user.schema.js';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** Input of `StaffInvitationService.invite`. */
export const inviteStaffInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: staffRoleSchema,
});
export type InviteStaffInput = z.input<typeof inviteStaffInputSchema>;

/** Input of `StaffInvitationService.accept`: the token from the link and the new account's password. */
export const acceptInvitationInputSchema = z.strictObject({
  token: z.string().min(1).max(200),
  /** Overrides the name the inviter typed. */
  name: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInputSchema>;

/** A pending invitation as the console lists it; the token is never part of it. */
export const staffInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  invitedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type StaffInvitation = z.infer<typeof staffInvitationSchema>;

/** What an invitation link shows the invitee before they accept (`StaffInvitationService.preview`). */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Audit actions written by `StaffInvitationService`. */
export const INVITATION_AUDIT_ACTIONS = {
  invited: 'user.invited',
  accepted: 'user.invitation_accepted',
  revoked: 'user.invitation_revoked',
} as const;
