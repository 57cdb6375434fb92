import { createTestHost, describeFraudRuleContract, sampleFraudContext } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { createClickFloodRule } from './click-flood.js';
import fraudPlugin from './index.js';
import { type ClickFloodSettings, clickFloodSettingsSchema } from './settings.js';

function rule(overrides: Partial<ClickFloodSettings> = {}) {
  return createClickFloodRule(clickFloodSettingsSchema.parse(overrides));
}

const clicks = (count: number | undefined, ipHash: string | null = 'iphash-7f3a9c') =>
  sampleFraudContext({ submission: { clicksFromIpHashLastHour: count, ipHash } });

describeFraudRuleContract(
  'the click flood rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:click-flood'),
  { contexts: [clicks(undefined)], flaggedContexts: [clicks(30), clicks(500, null)] },
);

describe('the click flood rule', () => {
  it('lets a submission after a click or two through', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
    expect(rule().evaluate(clicks(29)).flags).toEqual([]);
  });

  it('flags a submission from an address that clicked as often as the threshold in the hour before', () => {
    expect(rule().evaluate(clicks(30))).toEqual({
      score: 50,
      flags: [
        {
          code: 'click_flood.ip_hash',
          message:
            '30 referral-link clicks came from the submitting IP address in the hour before this referral (the threshold is 30).',
          evidence: { ipHash: 'iphash-7f3a9c', clicksLastHour: 30, threshold: 30 },
        },
      ],
    });
  });

  it('keeps the IP address itself out of the flag', () => {
    const result = rule().evaluate(clicks(100));
    expect(result.flags).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain('203.0.113.7');
  });

  it('stays silent when the host did not count clicks (no IP, or an older host)', () => {
    expect(rule().evaluate(clicks(undefined))).toEqual({ score: 0, flags: [] });
  });

  it('still flags a counted flood when the hash is unknown', () => {
    expect(rule().evaluate(clicks(40, null)).flags[0]?.evidence).toEqual({
      ipHash: null,
      clicksLastHour: 40,
      threshold: 30,
    });
  });

  it('uses the configured threshold and score', () => {
    const strict = rule({ clicksPerHourThreshold: 5, score: 75 });
    expect(strict.evaluate(clicks(4)).flags).toEqual([]);
    expect(strict.evaluate(clicks(5)).score).toBe(75);
  });
});
