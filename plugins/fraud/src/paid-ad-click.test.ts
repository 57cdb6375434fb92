import { createTestHost, describeFraudRuleContract, sampleFraudContext } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import fraudPlugin from './index.js';
import { createPaidAdClickRule } from './paid-ad-click.js';
import { type PaidAdClickSettings, paidAdClickSettingsSchema } from './settings.js';

function rule(overrides: Partial<PaidAdClickSettings> = {}) {
  return createPaidAdClickRule(paidAdClickSettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

/** A context whose landing click carried `queryParams`. */
const landedWith = (queryParams: Record<string, string>) =>
  sampleFraudContext({ landingClick: { queryParams } });

function withoutLandingClick() {
  const { landingClick, ...context } = sampleFraudContext();
  return context;
}

describeFraudRuleContract(
  'the paid-ad click rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:paid-ad-click'),
  {
    contexts: [withoutLandingClick(), sampleFraudContext({ landingClick: null })],
    flaggedContexts: [landedWith({ gclid: 'Cj0KCQ' }), landedWith({ fbclid: 'IwAR1' })],
  },
);

describe('the paid-ad click rule', () => {
  it('lets a plain or UTM-tagged landing through, and a submission no click led to', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
    expect(rule().evaluate(landedWith({ utm_source: 'google', utm_medium: 'cpc' })).flags).toEqual([]);
    expect(rule().evaluate(sampleFraudContext({ landingClick: null })).flags).toEqual([]);
    expect(rule().evaluate(withoutLandingClick()).flags).toEqual([]);
  });

  it('flags a landing that carried a Google Ads click id, naming the platform', () => {
    expect(rule().evaluate(landedWith({ utm_source: 'x', gclid: 'Cj0KCQ' }))).toEqual({
      score: 60,
      flags: [
        {
          code: 'paid_ad.click_id',
          message:
            'The referral link was reached through a paid ad: the landing click carried gclid (Google Ads).',
          evidence: { landingClickId: 'click-1', parameters: { gclid: 'Cj0KCQ' } },
        },
      ],
    });
  });

  it.each([
    ['gbraid', 'Google Ads'],
    ['wbraid', 'Google Ads'],
    ['msclkid', 'Microsoft Advertising'],
    ['li_fat_id', 'LinkedIn Ads'],
    ['ttclid', 'TikTok Ads'],
  ])('flags %s (%s)', (parameter, platform) => {
    const result = rule().evaluate(landedWith({ [parameter]: 'id-123' }));
    expect(codes(result)).toEqual(['paid_ad.click_id']);
    expect(result.flags[0]?.message).toContain(`${parameter} (${platform})`);
  });

  it('scores fbclid lower: Facebook and Instagram add it to organic clicks too', () => {
    const result = rule().evaluate(landedWith({ fbclid: 'IwAR1' }));
    expect(result).toEqual({
      score: 30,
      flags: [
        {
          code: 'paid_ad.social_click_id',
          message:
            'The landing click carried fbclid (Facebook or Instagram), which social networks add to ad clicks and to some organic link clicks alike.',
          evidence: { landingClickId: 'click-1', parameters: { fbclid: 'IwAR1' } },
        },
      ],
    });
  });

  it('reports every click id carried, scoring the stronger', () => {
    const result = rule().evaluate(landedWith({ fbclid: 'a', gclid: 'b', msclkid: 'c' }));
    expect(codes(result)).toEqual(['paid_ad.click_id', 'paid_ad.social_click_id']);
    expect(result.score).toBe(60);
    expect(result.flags[0]?.message).toContain('gclid (Google Ads), msclkid (Microsoft Advertising)');
  });

  it('matches parameter names in any case, and ignores empty values', () => {
    expect(rule().evaluate(landedWith({ GCLID: 'abc' })).flags[0]?.evidence).toEqual({
      landingClickId: 'click-1',
      parameters: { gclid: 'abc' },
    });
    expect(rule().evaluate(landedWith({ gclid: '', fbclid: '  ' })).flags).toEqual([]);
  });

  it('keeps long click ids short in the evidence', () => {
    const result = rule().evaluate(landedWith({ gclid: 'x'.repeat(5000) }));
    expect(result.flags[0]?.evidence).toEqual({
      landingClickId: 'click-1',
      parameters: { gclid: 'x'.repeat(200) },
    });
  });

  it('checks the parameters an admin configures', () => {
    const custom = rule({
      adClickIdParameters: ['gclid', 'twclid', 'my_ad_id'],
      socialClickIdParameters: [],
    });
    expect(custom.evaluate(landedWith({ twclid: '1' })).flags[0]?.message).toContain('twclid (X Ads)');
    expect(custom.evaluate(landedWith({ my_ad_id: '1' })).flags[0]?.message).toContain('carried my_ad_id.');
    expect(custom.evaluate(landedWith({ fbclid: '1' })).flags).toEqual([]);
    expect(custom.evaluate(landedWith({ msclkid: '1' })).flags).toEqual([]);
  });

  it('treats a parameter listed as both kinds as the stronger evidence', () => {
    const result = rule({ adClickIdParameters: ['fbclid'] }).evaluate(landedWith({ fbclid: '1' }));
    expect(codes(result)).toEqual(['paid_ad.click_id']);
    expect(result.score).toBe(60);
  });

  it('uses the configured scores', () => {
    const custom = rule({ adClickIdScore: 85, socialClickIdScore: 10 });
    expect(custom.evaluate(landedWith({ ttclid: '1' })).score).toBe(85);
    expect(custom.evaluate(landedWith({ fbclid: '1' })).score).toBe(10);
  });
});
