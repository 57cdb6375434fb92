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

/** A rule's score setting: an integer 0..100 with a default. */
function scoreSetting(defaultScore: number, description: string) {
  return z.number().int().min(0).max(100).default(defaultScore).describe(description);
}

/** A list of domains to match (normalised by the rules: case, `www.`, scheme and trailing dot do not matter). */
function domainListSetting(description: string) {
  return z.array(z.string().trim().min(1)).default([]).describe(description);
}

/** Settings of the duplicate rule. */
export const duplicateSettingsSchema = z.object({
  enabled: z
    .boolean()
    .default(true)
    .describe(
      'Check for a company or contact already referred in the same track within its attribution window.',
    ),
  companyScore: scoreSetting(
    60,
    'Score when the company was already referred in the track within the window.',
  ),
  contactScore: scoreSetting(70, 'Score when a contact was already referred in the track within the window.'),
});

/** Settings of the duplicate rule, as the rule receives them. */
export type DuplicateSettings = z.output<typeof duplicateSettingsSchema>;

/** Settings of the existing-target rule. */
export const existingTargetSettingsSchema = z.object({
  enabled: z
    .boolean()
    .default(true)
    .describe("Check whether the target is already a customer or has another participant's open referral."),
  customerScore: scoreSetting(60, 'Score when the target company is already a customer.'),
  openReferralScore: scoreSetting(50, "Score when the company has another participant's open referral."),
});

/** Settings of the existing-target rule, as the rule receives them. */
export type ExistingTargetSettings = z.output<typeof existingTargetSettingsSchema>;

/** Settings of the contact e-mail domain rule. */
export const contactEmailDomainSettingsSchema = z.object({
  enabled: z.boolean().default(true).describe('Check contacts for free-mail and disposable addresses.'),
  freeMailScore: scoreSetting(40, 'Score when a contact uses a free-mail address (gmail.com, outlook.com…).'),
  disposableScore: scoreSetting(80, 'Score when a contact uses a disposable address (mailinator.com…).'),
  allowedDomains: domainListSetting(
    'Domains never flagged, sub-domains included (e.g. a partner on a free host).',
  ),
  extraFreeMailDomains: domainListSetting('Free-mail domains to flag beyond the built-in list.'),
  extraDisposableDomains: domainListSetting('Disposable domains to flag beyond the built-in list.'),
  exemptTrackSlugs: z
    .array(z.string().trim().min(1))
    .default([])
    .describe('Tracks whose contacts may use personal addresses (slugs); every other track is checked.'),
});

/** Settings of the contact e-mail domain rule, as the rule receives them. */
export type ContactEmailDomainSettings = z.output<typeof contactEmailDomainSettingsSchema>;

/** Settings of the submission velocity rule. */
export const submissionVelocitySettingsSchema = z.object({
  enabled: z.boolean().default(true).describe('Check how many referrals a participant submits.'),
  limit24h: z
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Referrals a participant may submit in 24 hours (this one included) before it is flagged.'),
  score24h: scoreSetting(50, 'Score when a participant exceeds the 24-hour limit.'),
  limit30d: z
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Referrals a participant may submit in 30 days (this one included) before it is flagged.'),
  score30d: scoreSetting(40, 'Score when a participant exceeds the 30-day limit.'),
});

/** Settings of the submission velocity rule, as the rule receives them. */
export type SubmissionVelocitySettings = z.output<typeof submissionVelocitySettingsSchema>;

/** Settings of the click flood rule. */
export const clickFloodSettingsSchema = z.object({
  enabled: z
    .boolean()
    .default(true)
    .describe('Check for many link clicks from the submitting IP address just before the referral.'),
  clicksPerHourThreshold: z
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Clicks from one IP address in the hour before the referral that get it flagged.'),
  score: scoreSetting(50, 'Score when the threshold is reached.'),
});

/** Settings of the click flood rule, as the rule receives them. */
export type ClickFloodSettings = z.output<typeof clickFloodSettingsSchema>;

/** Query parameter names are matched case-insensitively. */
const parameterNames = z.array(z.string().trim().min(1));

/** Settings of the paid-ad click rule. */
export const paidAdClickSettingsSchema = z.object({
  enabled: z.boolean().default(true).describe('Check the landing click for paid-ad click ids.'),
  adClickIdParameters: parameterNames
    .default(['gclid', 'gbraid', 'wbraid', 'msclkid', 'li_fat_id', 'ttclid'])
    .describe('Query parameters that only ad platforms add to a clicked link.'),
  adClickIdScore: scoreSetting(60, 'Score when the landing click carried one of the ad click ids.'),
  socialClickIdParameters: parameterNames
    .default(['fbclid'])
    .describe('Query parameters added to paid and organic social clicks alike (weaker evidence).'),
  socialClickIdScore: scoreSetting(30, 'Score when the landing click carried one of the social click ids.'),
});

/** Settings of the paid-ad click rule, as the rule receives them. */
export type PaidAdClickSettings = z.output<typeof paidAdClickSettingsSchema>;

/** The fraud plugin's settings (nothing secret). Every field has a default: the plugin works unconfigured. */
export const fraudSettingsSchema = z.object({
  // prefault, not default: an absent section is parsed, so its fields get their own defaults.
  selfReferral: selfReferralSettingsSchema.prefault({}),
  duplicate: duplicateSettingsSchema.prefault({}),
  existingTarget: existingTargetSettingsSchema.prefault({}),
  contactEmailDomain: contactEmailDomainSettingsSchema.prefault({}),
  submissionVelocity: submissionVelocitySettingsSchema.prefault({}),
  clickFlood: clickFloodSettingsSchema.prefault({}),
  paidAdClick: paidAdClickSettingsSchema.prefault({}),
});

/** The fraud plugin's settings, as `ctx.settings` holds them. */
export type FraudSettings = z.output<typeof fraudSettingsSchema>;
