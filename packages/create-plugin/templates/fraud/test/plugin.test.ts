import {
  createTestHost,
  describeFraudRuleContract,
  sampleContact,
  sampleFraudContext,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

/** Boots the plugin in the test host with these settings and gets its rule. */
const boot = (settings: object = {}) =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: settings } }).get('fraud', 'blocklist');

const blocking = { blockedDomains: ['acme.example'] };

// A fraud rule is pure: its stand-in is the submission itself, built with sampleFraudContext().
describeFraudRuleContract('the blocklist rule (default settings)', () => boot());
describeFraudRuleContract('the blocklist rule (a blocked domain)', () => boot(blocking), {
  flaggedContexts: [sampleFraudContext()],
});

describe('the fraud plugin', () => {
  it('lets an unremarkable referral through', () => {
    expect(boot().evaluate(sampleFraudContext()).score).toBe(0);
  });

  it("flags a contact at a blocked domain, even at another company's referral", () => {
    const context = sampleFraudContext({
      company: { domain: 'other.example' },
      contacts: [sampleContact({ email: 'dana@acme.example' })],
    });
    expect(boot(blocking).evaluate(context)).toMatchObject({
      score: 90,
      flags: [{ code: 'blocklist.domain' }],
    });
  });
});
