import { z } from 'zod';
import { DomainSchema, EmailSchema, IdSchema, IsoDateTimeSchema } from './common.schema.js';
import { JsonValueSchema } from './json.schema.js';

/** Lifecycle states of a referral (docs/architecture.md "Domain"). */
export const REFERRAL_STATUSES = [
  'submitted',
  'in_review',
  'accepted',
  'rejected',
  'meeting_booked',
  'proposal_sent',
  'closed_won',
  'closed_lost',
] as const;

/** Validates a {@link ReferralStatus}. */
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
/** Where a referral is in its lifecycle. */
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** Buying-committee roles a referred contact can hold. */
export const CONTACT_ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'technical_evaluator',
  'influencer',
  'user',
  'other',
] as const;

/** Validates a {@link ContactRole}. */
export const ContactRoleSchema = z.enum(CONTACT_ROLES);
/** A contact's role in the buying committee. */
export type ContactRole = z.infer<typeof ContactRoleSchema>;

/** Validates a {@link Company}. */
export const CompanySchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  domain: DomainSchema,
});
/** The target company of a referral. */
export type Company = z.infer<typeof CompanySchema>;

/** Validates a {@link Contact}. */
export const ContactSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  email: EmailSchema,
  title: z.string().nullable(),
  role: ContactRoleSchema.nullable(),
});
/** A person at the target company introduced by a referral. */
export type Contact = z.infer<typeof ContactSchema>;

/** Validates a {@link Referral}. */
export const ReferralSchema = z.object({
  id: IdSchema,
  trackId: IdSchema,
  participantId: IdSchema,
  companyId: IdSchema,
  status: ReferralStatusSchema,
  /** The track's intake form answers, keyed by field key. */
  answers: z.record(z.string(), JsonValueSchema),
  note: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
/** An introduction of a target company by a participant. Its company and contacts travel beside it. */
export type Referral = z.infer<typeof ReferralSchema>;

/** Validates a {@link ReferralDetails}. */
export const ReferralDetailsSchema = z.object({
  referral: ReferralSchema,
  company: CompanySchema,
  contacts: z.array(ContactSchema),
});
/** A referral with its target company and contacts, as the `referrals` service facade returns it. */
export type ReferralDetails = z.infer<typeof ReferralDetailsSchema>;
