import { definePlugin } from '@warmpath/plugin-sdk';
import { createFraudRule } from './fraud-rule.js';
import { configSchema, settingsSchema } from './settings.js';

/** Flags referrals of companies on a blocklist when they are submitted. */
const plugin = definePlugin({
  id: '__PLUGIN_ID__',
  version: '0.1.0',
  sdk: '^1',
  displayName: '__DISPLAY_NAME__',
  description: 'Flags referrals of companies on a blocklist.',
  configSchema,
  settingsSchema,
  register(ctx) {
    ctx.fraud.add('blocklist', (instance) => createFraudRule(instance.settings));
  },
});

export default plugin;
