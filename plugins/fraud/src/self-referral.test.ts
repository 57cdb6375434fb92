import { sampleContact, sampleFraudContext } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { createSelfReferralRule } from './self-referral.js';
import { type SelfReferralSettings, selfReferralSettingsSchema } from './settings.js';

function rule(overrides: Partial<SelfReferralSettings> = {}) {
  return createSelfReferralRule(selfReferralSettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

describe('the self-referral rule', () => {
  it('lets a referral from another company through', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
  });

  it("flags a referrer whose e-mail domain is the target company's, explaining it in one sentence", () => {
    const result = rule().evaluate(
      sampleFraudContext({ participant: { email: 'sam@acme.example' }, company: { name: 'Acme Corp' } }),
    );
    expect(result.score).toBe(70);
    expect(result.flags).toEqual([
      {
        code: 'self_referral.same_domain',
        message:
          "The referrer's e-mail domain (acme.example) belongs to the referred company Acme Corp (acme.example).",
        evidence: { participantEmailDomain: 'acme.example', companyDomain: 'acme.example' },
      },
    ]);
  });

  it('flags a referrer who is one of the referred contacts, whatever the case of the address', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        participant: { email: 'Dana@Gmail.example' },
        contacts: [sampleContact({ id: 'contact-7', email: 'dana@gmail.example' })],
      }),
    );
    expect(result.score).toBe(100);
    expect(result.flags).toEqual([
      {
        code: 'self_referral.referrer_is_contact',
        message: 'The referrer (dana@gmail.example) is one of the contacts they referred.',
        evidence: { participantEmail: 'dana@gmail.example', contactId: 'contact-7' },
      },
    ]);
  });

  it('reports both reasons when both hold, scoring the higher', () => {
    const result = rule().evaluate(sampleFraudContext({ participant: { email: 'dana@acme.example' } }));
    expect(codes(result)).toEqual(['self_referral.referrer_is_contact', 'self_referral.same_domain']);
    expect(result.score).toBe(100);
  });

  it('compares normalised domains: case, www., scheme and trailing dots do not hide a match', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        participant: { email: 'sam@ACME.example.' },
        company: { domain: 'https://www.Acme.example/' },
      }),
    );
    expect(codes(result)).toEqual(['self_referral.same_domain']);
  });

  it('treats sub-domains as the same company unless told not to', () => {
    const fromSubsidiary = sampleFraudContext({ participant: { email: 'sam@eu.acme.example' } });
    const toSubsidiary = sampleFraudContext({ company: { domain: 'us.partner.example' } });
    expect(codes(rule().evaluate(fromSubsidiary))).toEqual(['self_referral.same_domain']);
    expect(codes(rule().evaluate(toSubsidiary))).toEqual(['self_referral.same_domain']);
    expect(rule({ matchSubdomains: false }).evaluate(fromSubsidiary).flags).toEqual([]);
  });

  it('does not mistake a look-alike domain for the same company', () => {
    const result = rule().evaluate(sampleFraudContext({ participant: { email: 'sam@notacme.example' } }));
    expect(result).toEqual({ score: 0, flags: [] });
  });

  it('skips the domain comparison for ignored domains, but still catches a referrer listed as a contact', () => {
    const ignoring = rule({ ignoredDomains: ['WWW.ACME.example'] });
    expect(
      ignoring.evaluate(sampleFraudContext({ participant: { email: 'sam@acme.example' } })).flags,
    ).toEqual([]);
    expect(
      codes(ignoring.evaluate(sampleFraudContext({ participant: { email: 'dana@acme.example' } }))),
    ).toEqual(['self_referral.referrer_is_contact']);
  });

  it('uses the configured scores', () => {
    const custom = rule({ sameDomainScore: 40, referrerIsContactScore: 90 });
    expect(custom.evaluate(sampleFraudContext({ participant: { email: 'sam@acme.example' } })).score).toBe(
      40,
    );
    expect(custom.evaluate(sampleFraudContext({ participant: { email: 'dana@acme.example' } })).score).toBe(
      90,
    );
  });
});
