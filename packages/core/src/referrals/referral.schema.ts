import type { ContactRole, FraudDecision, ReferralStatus } from '@warmpath/db';
import {
  CONTACT_ROLES as SDK_CONTACT_ROLES,
  REFERRAL_STATUSES as SDK_REFERRAL_STATUSES,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { auditActorSchema } from '../audit/audit.schema.js';
import { jsonValueSchema } from '../common/json-value.schema.js';
import { trackSlugSchema } from '../tracks/track.schema.js';
import { emailSchema } from '../users/user.schema.js';

export type { ContactRole, FraudDecision, ReferralStatus };

/**
 * Lifecycle states (docs/architecture.md "Domain", in the order a deal moves through them) and
 * buying-committee roles (docs/api.md "Referrals"): one list, the plugin SDK's, so plugins and core can never
 * disagree.
 */
export const REFERRAL_STATUSES = SDK_REFERRAL_STATUSES satisfies readonly ReferralStatus[];
export const CONTACT_ROLES = SDK_CONTACT_ROLES satisfies readonly ContactRole[];

export const FRAUD_DECISIONS = ['allow', 'review', 'block'] as const satisfies readonly FraudDecision[];

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const contactRoleSchema = z.enum(CONTACT_ROLES);

const referralIdSchema = z.string().min(1).max(100);

/** `POST /api/v1/referrals` body; unknown fields are rejected. */
export const submitReferralInputSchema = z.strictObject({
  track: trackSlugSchema,
  participantId: referralIdSchema,
  company: z.strictObject({
    name: z.string().trim().min(1).max(200),
    domain: z.string().trim().min(1).max(2048),
  }),
  contacts: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        email: emailSchema,
        title: z.string().trim().max(200).optional(),
        role: contactRoleSchema.optional(),
      }),
    )
    .min(1, 'Name at least one contact')
    .max(20, 'At most 20 contacts'),
  answers: z.record(z.string().max(64), jsonValueSchema).optional(),
  note: z.string().trim().max(5000).optional(),
  /** The link code (`wp_ref`) the submission came through; it must be the participant's code in the track. */
  ref: z.string().trim().min(1).max(100).optional(),
});
export type SubmitReferralInput = z.input<typeof submitReferralInputSchema>;
export type ParsedSubmitReferralInput = z.output<typeof submitReferralInputSchema>;

/** `POST /api/v1/referrals/{id}/transitions` body. */
export const transitionInputSchema = z.strictObject({
  to: referralStatusSchema,
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;

/** Filters and page of `ReferralService.list`. */
export const referralListQuerySchema = z.strictObject({
  track: z.string().min(1).max(100).optional(),
  status: referralStatusSchema.optional(),
  participantId: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ReferralListQuery = z.input<typeof referralListQuerySchema>;

/** An internal note's body. */
export const addNoteInputSchema = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

/** One status change as the API shows it; `reason` only when one was given. */
export const referralHistoryEntrySchema = z.object({
  status: referralStatusSchema,
  at: z.iso.datetime(),
  actor: auditActorSchema,
  reason: z.string().optional(),
});
export type ReferralHistoryEntry = z.infer<typeof referralHistoryEntrySchema>;

/**
 * A referral in the public API's shape (docs/api.md "Referrals"), plus the additive `ownerId` and
 * `duplicateOfId`.
 */
export const referralSchema = z.object({
  id: z.string(),
  track: z.string(),
  participantId: z.string(),
  status: referralStatusSchema,
  /**
   * The directory's company (one per domain, with the first name any referral gave it), and the name this referral
   * was submitted with.
   */
  company: z.object({ id: z.string(), name: z.string(), domain: z.string(), submittedName: z.string() }),
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      title: z.string().nullable(),
      role: contactRoleSchema,
    }),
  ),
  answers: z.record(z.string(), jsonValueSchema),
  note: z.string().nullable(),
  fraud: z.object({
    score: z.number(),
    decision: z.enum(FRAUD_DECISIONS),
    // Evidence stays internal: reviewers read it in the console, API clients get the explanation only.
    flags: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
  slaDueAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  history: z.array(referralHistoryEntrySchema),
  ownerId: z.string().nullable(),
  duplicateOfId: z.string().nullable(),
});
export type Referral = z.infer<typeof referralSchema>;

/** A page of referrals, newest first. */
export interface ReferralPage {
  data: Referral[];
  nextCursor: string | null;
}

/** An internal note (staff only; never part of the Referral or portal shapes). */
export const referralNoteSchema = z.object({
  id: z.string(),
  referralId: z.string(),
  body: z.string(),
  author: auditActorSchema,
  createdAt: z.iso.datetime(),
});
export type ReferralNote = z.infer<typeof referralNoteSchema>;

/** Audit actions and domain events written by `ReferralService`. */
export const REFERRAL_AUDIT_ACTIONS = {
  created: 'referral.created',
  statusChanged: 'referral.status_changed',
  slaBreached: 'referral.sla_breached',
  noteAdded: 'referral.note_added',
} as const;

/** The job that checks a referral's SLA when it falls due (scheduled through the outbox at submission). */
export const REFERRAL_SLA_CHECK_JOB = 'referrals.sla-check';
