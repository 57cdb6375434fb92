import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from '../dto/common.schema.js';
import { JsonObjectSchema } from '../dto/json.schema.js';
import { ParticipantSchema } from '../dto/participant.schema.js';
import {
  CompanySchema,
  ContactSchema,
  ReferralSchema,
  ReferralStatusSchema,
} from '../dto/referral.schema.js';
import { TrackSchema } from '../dto/track.schema.js';

const count = z.number().int().nonnegative();

/** Validates a {@link FraudHistory}. */
export const FraudHistorySchema = z.object({
  /** Referrals the participant submitted in the 24 hours before this one (this one excluded). */
  participantReferralsLast24h: count,
  /** Referrals the participant submitted in the 30 days before this one. */
  participantReferralsLast30d: count,
  /** The participant's referrals rejected in the last 90 days. */
  participantRejectedLast90d: count,
  /** Other referrals of the same target company (by anyone) in the last 90 days. */
  companyReferralsLast90d: count,
});
/** Counts of recent activity, computed by the host so rules stay pure. */
export type FraudHistory = z.infer<typeof FraudHistorySchema>;

/** Validates a {@link PriorReferral}. */
export const PriorReferralSchema = z.object({
  id: IdSchema,
  trackId: IdSchema,
  participantId: IdSchema,
  companyId: IdSchema,
  status: ReferralStatusSchema,
  createdAt: IsoDateTimeSchema,
  /** The normalised e-mail addresses of the contacts it introduced. */
  contactEmails: z.array(EmailSchema),
});
/**
 * An earlier referral that shares the company or a contact with the one being scored, reduced to what rules
 * compare.
 */
export type PriorReferral = z.infer<typeof PriorReferralSchema>;

/** Validates a {@link CompanyStatus}. */
export const CompanyStatusSchema = z.object({
  /** True when the company already buys from the organisation running Warmpath (e.g. a closed-won opportunity). */
  isCustomer: z.boolean(),
  /** When it became a customer, when known; null otherwise (and when it is not one). */
  customerSince: IsoDateTimeSchema.nullable(),
});
/** What the organisation already knows about the target company, beyond the referral itself. */
export type CompanyStatus = z.infer<typeof CompanyStatusSchema>;

/** Validates a {@link LandingClick}. */
export const LandingClickSchema = z.object({
  id: IdSchema,
  occurredAt: IsoDateTimeSchema,
  /**
   * The query parameters of the URL the visitor arrived on (the referral link `/r/:code?…` as clicked), names as
   * received; a name given more than once keeps its first value. Ad platforms add their click ids here.
   */
  queryParams: z.record(z.string(), z.string()),
});
/** The tracked link click that led to a submission (found through the first-party `wp_ref` cookie). */
export type LandingClick = z.infer<typeof LandingClickSchema>;

/** Validates a {@link FraudSubmission}. */
export const FraudSubmissionSchema = z.object({
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /**
   * The host's hash of `ip`, the same one click records store (never the address itself); null without an IP.
   * Optional: absent when the host does not provide it.
   */
  ipHash: z.string().min(1).nullable().optional(),
  /**
   * Link clicks (on any referral link) recorded from `ipHash` in the hour before this submission. Optional:
   * absent when the host does not count them or the submission has no IP.
   */
  clicksFromIpHashLastHour: count.optional(),
});
/** Where a submission came from, when it came over HTTP. */
export type FraudSubmission = z.infer<typeof FraudSubmissionSchema>;

/**
 * Validates a {@link FraudContext}. Fields added after the first release are optional, so contexts built before
 * them stay valid: a rule that needs an absent field stays silent rather than guess.
 */
export const FraudContextSchema = z.object({
  referral: ReferralSchema,
  company: CompanySchema,
  contacts: z.array(ContactSchema),
  participant: ParticipantSchema,
  track: TrackSchema,
  history: FraudHistorySchema,
  /** Where the submission came from, when it came over HTTP. */
  submission: FraudSubmissionSchema,
  /**
   * Earlier referrals (by anyone, in any track) of the same company or of one of the same contacts, newest first,
   * this referral excluded. The host includes at least every one created in this track within its attribution
   * window before this referral, and every open one (not rejected or closed) whatever its age. Absent when the
   * host does not provide them.
   */
  priorReferrals: z.array(PriorReferralSchema).optional(),
  /** Whether the target company is already a customer. Absent when the host does not know. */
  companyStatus: CompanyStatusSchema.optional(),
  /**
   * The tracked click that led to this submission; null when none did (e.g. a submission through the API).
   * Absent when the host does not provide it.
   */
  landingClick: LandingClickSchema.nullable().optional(),
});
/** Everything a fraud rule may look at: the rule reads nothing else. */
export type FraudContext = z.infer<typeof FraudContextSchema>;

/** Validates a {@link FraudFlag}. */
export const FraudFlagSchema = z.object({
  /** Stable, machine-readable: lower-case words separated by `.` or `_` (e.g. `self_referral.same_domain`). */
  code: z.string().regex(/^[a-z0-9]+([._][a-z0-9]+)*$/, 'expected lower-case words joined by . or _'),
  /** One sentence a reviewer understands without reading code. */
  message: z.string().trim().min(1),
  /** The facts that triggered the flag (internal: never shown to referrers). */
  evidence: JsonObjectSchema,
});
/** One reason a referral looks suspicious. */
export type FraudFlag = z.infer<typeof FraudFlagSchema>;

/** Validates a {@link FraudResult}. */
export const FraudResultSchema = z.object({
  /** 0 = nothing suspicious, 100 = certainly fraudulent. */
  score: z.number().min(0).max(100),
  flags: z.array(FraudFlagSchema),
});
/** What a fraud rule concluded. A score above 0 comes with at least one flag explaining it. */
export type FraudResult = z.infer<typeof FraudResultSchema>;
