import type { JsonValue } from '@warmpath/db';
import { REFERRAL_STATUSES } from '@warmpath/plugin-sdk';
import { z } from 'zod';

const referralStatusSchema = z.enum(REFERRAL_STATUSES);

/** Scores at which a referral is held for review or blocked (0..100; a score equal to a threshold reaches it). */
export const fraudThresholdsSchema = z
  .object({
    review: z.number().min(0).max(100).default(40),
    block: z.number().min(0).max(100).default(80),
  })
  .refine((thresholds) => thresholds.review <= thresholds.block, {
    message: 'The review threshold cannot be above the block threshold',
  });
export type FraudThresholds = z.output<typeof fraudThresholdsSchema>;

/** One owner-routing rule: referrals whose answer `field` equals `equals` go to `ownerId`. */
export const routingRuleSchema = z.object({
  field: z.string().min(1).max(64),
  equals: z.union([z.string(), z.number(), z.boolean()]),
  ownerId: z.string().min(1),
});
export type RoutingRule = z.output<typeof routingRuleSchema>;

/**
 * Owner routing of a track: the first matching rule wins; otherwise `round_robin` over `pool` (or, without a
 * pool, every enabled sales or manager account), or `none` to leave the referral unassigned.
 */
export const routingSettingsSchema = z.object({
  rules: z.array(routingRuleSchema).max(100).default([]),
  fallback: z.enum(['round_robin', 'none']).default('round_robin'),
  pool: z.array(z.string().min(1)).max(500).optional(),
});
export type RoutingSettings = z.output<typeof routingSettingsSchema>;

/** The referral settings a track keeps in `tracks.settings`. */
export const referralTrackSettingsSchema = z.object({
  fraudThresholds: fraudThresholdsSchema.prefault({}),
  routing: routingSettingsSchema.prefault({}),
  /** The stages referrers see in the portal; a hidden stage shows as the last visible one reached. */
  referrerVisibleStages: z
    .array(referralStatusSchema)
    .min(1)
    .default([...REFERRAL_STATUSES]),
  /** Whether people may enrol themselves in the portal (after verifying their email); off unless turned on. */
  selfEnrolment: z.boolean().default(false),
});
export type ReferralTrackSettings = z.output<typeof referralTrackSettingsSchema>;

/**
 * The referral settings of a stored track. Each setting is read on its own and falls back to its default when
 * absent or malformed: a bad routing entry must not stop referrals from being submitted.
 */
export function readReferralTrackSettings(
  settings: Readonly<Record<string, JsonValue>> | null | undefined,
): ReferralTrackSettings {
  const defaults = referralTrackSettingsSchema.parse({});
  const stored = settings ?? {};
  const fraudThresholds = fraudThresholdsSchema.safeParse(stored.fraudThresholds ?? {});
  const routing = routingSettingsSchema.safeParse(stored.routing ?? {});
  const visible = z.array(referralStatusSchema).min(1).safeParse(stored.referrerVisibleStages);
  // Only a stored `true` opens self-enrolment: anything malformed keeps the track invitation-only.
  const selfEnrolment = stored.selfEnrolment === true;
  return {
    fraudThresholds: fraudThresholds.success ? fraudThresholds.data : defaults.fraudThresholds,
    routing: routing.success ? routing.data : defaults.routing,
    referrerVisibleStages: visible.success ? visible.data : defaults.referrerVisibleStages,
    selfEnrolment,
  };
}

/** Referrer-facing copy and look of a track in the portal. */
export const portalCopySchema = z.strictObject({
  headline: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  shareText: z.string().trim().max(1000).optional(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #c2410c')
    .optional(),
});
export type PortalCopy = z.output<typeof portalCopySchema>;
