import { readFileSync } from 'node:fs';
import {
  createTestHost,
  describeFraudRuleContract,
  sampleContact,
  sampleFraudContext,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import fraudPlugin from './index.js';

const flaggedContexts = [
  sampleFraudContext({ participant: { email: 'sam@acme.example' } }),
  sampleFraudContext({ participant: { email: 'dana@acme.example' } }),
  sampleFraudContext({
    participant: { email: 'lee@elsewhere.example' },
    contacts: [sampleContact({ email: 'lee@elsewhere.example' })],
  }),
];

describeFraudRuleContract(
  'self-referral (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:self-referral'),
  { flaggedContexts },
);

describeFraudRuleContract(
  'self-referral (strict settings)',
  () =>
    createTestHost({
      plugins: [fraudPlugin],
      settings: {
        fraud: {
          selfReferral: { matchSubdomains: false, sameDomainScore: 100, ignoredDomains: ['x.example'] },
        },
      },
    }).get('fraud', 'self-referral'),
  { flaggedContexts },
);

describe('the fraud plugin', () => {
  it('works unconfigured: the self-referral rule is on with default settings', () => {
    const { host } = createTestHost({ plugins: [fraudPlugin] });
    expect(host.list('fraud').map((entry) => entry.key)).toEqual(['fraud:fraud:default:self-referral']);
    expect(host.resolveAll()).toHaveLength(1);
  });

  it('leaves the rule out when an admin disables it', () => {
    const { host } = createTestHost({
      plugins: [fraudPlugin],
      settings: { fraud: { selfReferral: { enabled: false } } },
    });
    expect(host.list('fraud')).toEqual([]);
  });

  it('refuses out-of-range scores in its settings, naming the field', () => {
    expect(() =>
      createTestHost({
        plugins: [fraudPlugin],
        settings: { fraud: { selfReferral: { sameDomainScore: 150 } } },
      }),
    ).toThrow(/sameDomainScore/);
  });

  it('offers a settings form with every field and no secrets', () => {
    const [summary] = createTestHost({ plugins: [fraudPlugin] }).host.plugins();
    expect(summary?.secretSettings).toEqual([]);
    const selfReferral = summary?.settingsJsonSchema.properties?.selfReferral;
    expect(Object.keys((selfReferral as { properties: object }).properties).sort()).toEqual([
      'enabled',
      'ignoredDomains',
      'matchSubdomains',
      'referrerIsContactScore',
      'sameDomainScore',
    ]);
  });

  it('declares the version of its package and the SDK major it was built for', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(fraudPlugin.version).toBe(packageJson.version);
    expect(fraudPlugin.sdk).toBe('^1');
  });
});
