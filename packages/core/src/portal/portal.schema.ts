import { z } from 'zod';
import { contactRoleSchema } from '../referrals/referral.schema.js';
import { trackSlugSchema } from '../tracks/track.schema.js';
import { emailSchema, passwordSchema } from '../users/user.schema.js';

/** `portal.auth.requestMagicLink` input. Any string is accepted so a malformed address answers like any other. */
export const requestMagicLinkInputSchema = z.strictObject({ email: z.string().max(400) });

/** `portal.auth.signIn` input. */
export const portalSignInInputSchema = z.strictObject({
  email: z.string().trim().pipe(z.email().max(320)),
  password: z.string().min(1).max(1024),
});

/** `portal.auth.requestPasswordReset` input. Any string is accepted so a malformed address answers like any other. */
export const requestPortalPasswordResetInputSchema = z.strictObject({ email: z.string().max(400) });

/** `portal.auth.resetPassword` input: the emailed link's token and the new password. */
export const resetPortalPasswordInputSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});
export type ResetPortalPasswordInput = z.input<typeof resetPortalPasswordInputSchema>;

/** `portal.account.setPassword` input: the current password is needed once one is set. */
export const setPortalPasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024).optional(),
  password: passwordSchema,
});
export type SetPortalPasswordInput = z.input<typeof setPortalPasswordInputSchema>;

/** `portal.me.update` input: what a participant may change about themselves. */
export const updatePortalProfileInputSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
export type UpdatePortalProfileInput = z.input<typeof updatePortalProfileInputSchema>;

/** `portal.enrol.request` input. */
export const selfEnrolmentRequestInputSchema = z.strictObject({
  trackSlug: trackSlugSchema,
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().min(1).max(200).optional(),
});
export type SelfEnrolmentRequestInput = z.input<typeof selfEnrolmentRequestInputSchema>;

/** `portal.referrals.formFor` input. */
export const portalFormForInputSchema = z.strictObject({ trackSlug: trackSlugSchema });

/**
 * `portal.referrals.submit` input: the referral of docs/api.md "Referrals" without the participant (the
 * session's) and with an optional company domain (taken from a contact's work email when left out).
 * `submissionId`, a client-made UUID, makes a repeated submit (a double click, a retry after a lost answer)
 * return the first referral.
 */
export const portalSubmitReferralInputSchema = z.strictObject({
  trackSlug: trackSlugSchema,
  submissionId: z.uuid().optional(),
  company: z.strictObject({
    name: z.string().trim().min(1).max(200),
    domain: z.string().trim().min(1).max(2048).optional(),
  }),
  contacts: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        email: emailSchema,
        role: contactRoleSchema,
        title: z.string().trim().max(200).optional(),
      }),
    )
    .min(1, 'Name at least one contact')
    .max(20, 'At most 20 contacts'),
  answers: z.record(z.string().max(64), z.json()).default({}),
});
export type PortalSubmitReferralInput = z.input<typeof portalSubmitReferralInputSchema>;

/** Audit actions of the portal's own account changes. */
export const PORTAL_AUDIT_ACTIONS = {
  passwordSet: 'participant.password_set',
  magicLinkSent: 'participant.magic_link_sent',
  profileUpdated: 'participant.updated',
  selfEnrolmentRequested: 'participant.self_enrolment_requested',
  selfEnrolled: 'participant.self_enrolled',
  passwordResetRequested: 'participant.password_reset_requested',
  passwordReset: 'participant.password_reset',
} as const;
