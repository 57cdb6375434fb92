import { z } from 'zod';

/** Deploy-time config (`WARMPATH_PLUGIN_CONFIG`): none for this rule. */
export const configSchema = z.object({});

/** Per-installation settings, entered by an admin on the console's Plugins page. */
export const settingsSchema = z.object({
  blockedDomains: z
    .array(z.string().min(1))
    .default([])
    .describe('Company or contact e-mail domains whose referrals are flagged, e.g. competitor.example.'),
  score: z.number().int().min(1).max(100).default(90).describe('The score of a referral the rule flags.'),
});

/** The parsed settings, defaults applied. */
export type Settings = z.infer<typeof settingsSchema>;
