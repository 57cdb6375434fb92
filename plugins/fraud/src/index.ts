import { definePlugin } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { createSelfReferralRule } from './self-referral.js';
import { fraudSettingsSchema } from './settings.js';

export { createSelfReferralRule } from './self-referral.js';
export { type FraudSettings, fraudSettingsSchema, type SelfReferralSettings } from './settings.js';

/** Warmpath's built-in fraud rules. Rules are added under `fraud:fraud:<instance>:<rule>`. */
export default definePlugin({
  id: 'fraud',
  version: '0.1.0',
  sdk: '^1',
  displayName: 'Built-in fraud rules',
  description: 'Scores new referrals for self-referral.',
  configSchema: z.object({}),
  settingsSchema: fraudSettingsSchema,
  register(ctx) {
    if (ctx.settings.selfReferral.enabled) {
      ctx.fraud.add('self-referral', (c) => createSelfReferralRule(c.settings.selfReferral));
    }
  },
});
