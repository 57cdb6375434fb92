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

const ruleKeys = [
  'fraud:fraud:default:self-referral',
  'fraud:fraud:default:duplicate',
  'fraud:fraud:default:existing-target',
  'fraud:fraud:default:contact-email-domain',
  'fraud:fraud:default:submission-velocity',
  'fraud:fraud:default:click-flood',
  'fraud:fraud:default:paid-ad-click',
];

describe('the fraud plugin', () => {
  it('works unconfigured: every rule is on with default settings', () => {
    const { host } = createTestHost({ plugins: [fraudPlugin] });
    expect(host.list('fraud').map((entry) => entry.key)).toEqual(ruleKeys);
    expect(host.resolveAll()).toHaveLength(ruleKeys.length);
  });

  it('leaves a rule out when an admin disables it, and keeps the others', () => {
    const sections = [
      'selfReferral',
      'duplicate',
      'existingTarget',
      'contactEmailDomain',
      'submissionVelocity',
      'clickFlood',
      'paidAdClick',
    ];
    sections.forEach((section, index) => {
      const { host } = createTestHost({
        plugins: [fraudPlugin],
        settings: { fraud: { [section]: { enabled: false } } },
      });
      expect(host.list('fraud').map((entry) => entry.key)).toEqual(
        ruleKeys.filter((_, other) => other !== index),
      );
    });
    const { host } = createTestHost({
      plugins: [fraudPlugin],
      settings: { fraud: Object.fromEntries(sections.map((section) => [section, { enabled: false }])) },
    });
    expect(host.list('fraud')).toEqual([]);
  });

  it('lets a clean referral through every rule', () => {
    const { host } = createTestHost({ plugins: [fraudPlugin] });
    for (const entry of host.list('fraud')) {
      expect(host.get('fraud', entry.key)?.evaluate(sampleFraudContext()), entry.key).toEqual({
        score: 0,
        flags: [],
      });
    }
  });

  it('refuses out-of-range scores in its settings, naming the field', () => {
    expect(() =>
      createTestHost({
        plugins: [fraudPlugin],
        settings: { fraud: { selfReferral: { sameDomainScore: 150 } } },
      }),
    ).toThrow(/sameDomainScore/);
  });

  it('refuses out-of-range thresholds in its settings, naming the field', () => {
    expect(() =>
      createTestHost({
        plugins: [fraudPlugin],
        settings: { fraud: { clickFlood: { clicksPerHourThreshold: 0 } } },
      }),
    ).toThrow(/clicksPerHourThreshold/);
  });

  it('offers a settings form with every field and no secrets', () => {
    const [summary] = createTestHost({ plugins: [fraudPlugin] }).host.plugins();
    expect(summary?.secretSettings).toEqual([]);
    const sections = summary?.settingsJsonSchema.properties as Record<string, { properties: object }>;
    const fields = Object.fromEntries(
      Object.entries(sections).map(([name, section]) => [name, Object.keys(section.properties).sort()]),
    );
    expect(fields).toEqual({
      selfReferral: [
        'enabled',
        'ignoredDomains',
        'matchSubdomains',
        'referrerIsContactScore',
        'sameDomainScore',
      ],
      duplicate: ['companyScore', 'contactScore', 'enabled'],
      existingTarget: ['customerScore', 'enabled', 'openReferralScore'],
      contactEmailDomain: [
        'allowedDomains',
        'disposableScore',
        'enabled',
        'exemptTrackSlugs',
        'extraDisposableDomains',
        'extraFreeMailDomains',
        'freeMailScore',
      ],
      submissionVelocity: ['enabled', 'limit24h', 'limit30d', 'score24h', 'score30d'],
      clickFlood: ['clicksPerHourThreshold', 'enabled', 'score'],
      paidAdClick: [
        'adClickIdParameters',
        'adClickIdScore',
        'enabled',
        'socialClickIdParameters',
        'socialClickIdScore',
      ],
    });
  });

  it('declares the version of its package and the SDK major it was built for', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(fraudPlugin.version).toBe(packageJson.version);
    expect(fraudPlugin.sdk).toBe('^1');
  });
});
