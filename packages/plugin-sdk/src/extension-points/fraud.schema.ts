import { z } from 'zod';
import { JsonObjectSchema } from '../dto/json.schema.js';
import { ParticipantSchema } from '../dto/participant.schema.js';
import { CompanySchema, ContactSchema, ReferralSchema } from '../dto/referral.schema.js';
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

/** Validates a {@link FraudContext}. */
export const FraudContextSchema = z.object({
  referral: ReferralSchema,
  company: CompanySchema,
  contacts: z.array(ContactSchema),
  participant: ParticipantSchema,
  track: TrackSchema,
  history: FraudHistorySchema,
  /** Where the submission came from, when it came over HTTP. */
  submission: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
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
