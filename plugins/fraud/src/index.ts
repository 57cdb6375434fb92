import { definePlugin } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { createClickFloodRule } from './click-flood.js';
import { createContactEmailDomainRule } from './contact-email-domain.js';
import { createDuplicateRule } from './duplicate.js';
import { createExistingTargetRule } from './existing-target.js';
import { createPaidAdClickRule } from './paid-ad-click.js';
import { createSelfReferralRule } from './self-referral.js';
import { fraudSettingsSchema } from './settings.js';
import { createSubmissionVelocityRule } from './submission-velocity.js';

export { createClickFloodRule } from './click-flood.js';
export { createContactEmailDomainRule } from './contact-email-domain.js';
export { createDuplicateRule } from './duplicate.js';
export { createExistingTargetRule } from './existing-target.js';
export { createPaidAdClickRule } from './paid-ad-click.js';
export { createSelfReferralRule } from './self-referral.js';
export {
  type ClickFloodSettings,
  type ContactEmailDomainSettings,
  type DuplicateSettings,
  type ExistingTargetSettings,
  type FraudSettings,
  fraudSettingsSchema,
  type PaidAdClickSettings,
  type SelfReferralSettings,
  type SubmissionVelocitySettings,
} from './settings.js';
export { createSubmissionVelocityRule } from './submission-velocity.js';

/** Warmpath's built-in fraud rules. Rules are added under `fraud:fraud:<instance>:<rule>`. */
export default definePlugin({
  id: 'fraud',
  version: '0.1.0',
  sdk: '^1',
  displayName: 'Built-in fraud rules',
  description:
    'Scores new referrals for self-referral, duplicates, existing customers and claims, free-mail or disposable contacts, submission velocity, click floods and paid-ad traffic.',
  configSchema: z.object({}),
  settingsSchema: fraudSettingsSchema,
  register(ctx) {
    const { settings } = ctx;
    if (settings.selfReferral.enabled) {
      ctx.fraud.add('self-referral', (c) => createSelfReferralRule(c.settings.selfReferral));
    }
    if (settings.duplicate.enabled) {
      ctx.fraud.add('duplicate', (c) => createDuplicateRule(c.settings.duplicate));
    }
    if (settings.existingTarget.enabled) {
      ctx.fraud.add('existing-target', (c) => createExistingTargetRule(c.settings.existingTarget));
    }
    if (settings.contactEmailDomain.enabled) {
      ctx.fraud.add('contact-email-domain', (c) =>
        createContactEmailDomainRule(c.settings.contactEmailDomain),
      );
    }
    if (settings.submissionVelocity.enabled) {
      ctx.fraud.add('submission-velocity', (c) =>
        createSubmissionVelocityRule(c.settings.submissionVelocity),
      );
    }
    if (settings.clickFlood.enabled) {
      ctx.fraud.add('click-flood', (c) => createClickFloodRule(c.settings.clickFlood));
    }
    if (settings.paidAdClick.enabled) {
      ctx.fraud.add('paid-ad-click', (c) => createPaidAdClickRule(c.settings.paidAdClick));
    }
  },
});
