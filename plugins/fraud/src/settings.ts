import { z } from 'zod';

/** Settings of the self-referral rule. */
export const selfReferralSettingsSchema = z.object({
  enabled: z.boolean().default(true).describe('Check referrals for self-referral.'),
  sameDomainScore: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(70)
    .describe("Score when the referrer's e-mail domain is the target company's domain."),
  referrerIsContactScore: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(100)
    .describe('Score when the referrer is one of the referred contacts.'),
  matchSubdomains: z
    .boolean()
    .default(true)
    .describe('Treat sub-domains as the same company (eu.acme.com and acme.com).'),
  ignoredDomains: z
    .array(z.string().min(1))
    .default([])
    .describe('Domains never compared (e.g. a shared group domain used by independent partners).'),
});

/** Settings of the self-referral rule, as the rule receives them. */
export type SelfReferralSettings = z.output<typeof selfReferralSettingsSchema>;

/** The fraud plugin's settings (nothing secret). Every field has a default: the plugin works unconfigured. */
export const fraudSettingsSchema = z.object({
  // prefault, not default: an absent section is parsed, so its fields get their own defaults.
  selfReferral: selfReferralSettingsSchema.prefault({}),
});

/** The fraud plugin's settings, as `ctx.settings` holds them. */
export type FraudSettings = z.output<typeof fraudSettingsSchema>;
