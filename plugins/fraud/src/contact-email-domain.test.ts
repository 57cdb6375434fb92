import {
  createTestHost,
  describeFraudRuleContract,
  sampleContact,
  sampleFraudContext,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { createContactEmailDomainRule } from './contact-email-domain.js';
import { FREE_MAIL_DOMAINS } from './email-domain-lists.js';
import fraudPlugin from './index.js';
import { type ContactEmailDomainSettings, contactEmailDomainSettingsSchema } from './settings.js';

function rule(overrides: Partial<ContactEmailDomainSettings> = {}) {
  return createContactEmailDomainRule(contactEmailDomainSettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

/** A context whose only contact writes from `email`. */
const contactAt = (email: string, patch: Parameters<typeof sampleFraudContext>[0] = {}) =>
  sampleFraudContext({ contacts: [sampleContact({ email })], ...patch });

describeFraudRuleContract(
  'the contact e-mail domain rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:contact-email-domain'),
  { flaggedContexts: [contactAt('dana@gmail.com'), contactAt('dana@mailinator.com')] },
);

describe('the contact e-mail domain rule', () => {
  it("lets contacts at the company's own domain through", () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
  });

  it('flags a contact on a free-mail domain, naming the address', () => {
    expect(rule().evaluate(contactAt('dana@gmail.com'))).toEqual({
      score: 40,
      flags: [
        {
          code: 'contact_domain.free_mail',
          message:
            'The contact uses a free-mail address instead of one at Acme Corp (acme.example): dana@gmail.com.',
          evidence: { contacts: [{ contactId: 'contact-dana', domain: 'gmail.com' }] },
        },
      ],
    });
  });

  it('flags a contact on a disposable domain, or on a sub-domain of one, more severely', () => {
    const result = rule().evaluate(contactAt('dana@mailinator.com'));
    expect(codes(result)).toEqual(['contact_domain.disposable']);
    expect(result.score).toBe(80);
    expect(result.flags[0]?.message).toBe(
      'The contact uses a disposable (throwaway) address instead of one at Acme Corp (acme.example): dana@mailinator.com.',
    );
    expect(codes(rule().evaluate(contactAt('dana@inbox.mailinator.com')))).toEqual([
      'contact_domain.disposable',
    ]);
  });

  it('ignores the case of addresses', () => {
    expect(codes(rule().evaluate(contactAt('Dana@GMail.COM')))).toEqual(['contact_domain.free_mail']);
  });

  it('matches free-mail domains exactly, so a business under a listed public suffix is not flagged', () => {
    expect(FREE_MAIL_DOMAINS.has('com.ar')).toBe(true);
    expect(rule().evaluate(contactAt('dana@acme.com.ar')).flags).toEqual([]);
    expect(rule().evaluate(contactAt('dana@corp.gmail.com')).flags).toEqual([]);
  });

  it("does not flag the provider's own people when the provider is the referred company", () => {
    const yahoo = { company: { name: 'Yahoo', domain: 'yahoo.com' } };
    expect(rule().evaluate(contactAt('dana@yahoo.com', yahoo)).flags).toEqual([]);
    expect(rule().evaluate(contactAt('dana@eu.yahoo.com', yahoo)).flags).toEqual([]);
  });

  it('reports each kind once, counting the contacts concerned, and scores the worse', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        contacts: [
          sampleContact({ id: 'c1', email: 'one@yopmail.com' }),
          sampleContact({ id: 'c2', email: 'two@gmail.com' }),
          sampleContact({ id: 'c3', email: 'three@outlook.com' }),
          sampleContact({ id: 'c4', email: 'four@acme.example' }),
        ],
      }),
    );
    expect(codes(result)).toEqual(['contact_domain.disposable', 'contact_domain.free_mail']);
    expect(result.score).toBe(80);
    expect(result.flags.map((flag) => flag.message)).toEqual([
      '1 of 4 contacts uses a disposable (throwaway) address instead of one at Acme Corp (acme.example): one@yopmail.com.',
      '2 of 4 contacts use a free-mail address instead of one at Acme Corp (acme.example): two@gmail.com, three@outlook.com.',
    ]);
    expect(result.flags[1]?.evidence).toEqual({
      contacts: [
        { contactId: 'c2', domain: 'gmail.com' },
        { contactId: 'c3', domain: 'outlook.com' },
      ],
    });
  });

  it('never flags allowed domains or their sub-domains, however they are written', () => {
    const allowing = rule({ allowedDomains: ['WWW.Gmail.com', 'mailinator.com.'] });
    expect(allowing.evaluate(contactAt('dana@gmail.com')).flags).toEqual([]);
    expect(allowing.evaluate(contactAt('dana@inbox.mailinator.com')).flags).toEqual([]);
    expect(codes(allowing.evaluate(contactAt('dana@outlook.com')))).toEqual(['contact_domain.free_mail']);
  });

  it('flags the extra domains an admin lists', () => {
    const extended = rule({
      extraFreeMailDomains: ['mail.example'],
      extraDisposableDomains: ['Burner.example'],
    });
    expect(codes(extended.evaluate(contactAt('dana@mail.example')))).toEqual(['contact_domain.free_mail']);
    expect(codes(extended.evaluate(contactAt('dana@x.burner.example')))).toEqual([
      'contact_domain.disposable',
    ]);
  });

  it('skips exempt tracks, whatever the case of their slug', () => {
    const exempting = rule({ exemptTrackSlugs: ['Friends'] });
    expect(exempting.evaluate(contactAt('dana@gmail.com', { track: { slug: 'friends' } })).flags).toEqual([]);
    expect(exempting.evaluate(contactAt('dana@gmail.com')).flags).toHaveLength(1);
  });

  it('has nothing to say about a referral without contacts', () => {
    expect(rule().evaluate(sampleFraudContext({ contacts: [] }))).toEqual({ score: 0, flags: [] });
  });

  it('uses the configured scores', () => {
    const custom = rule({ freeMailScore: 15, disposableScore: 95 });
    expect(custom.evaluate(contactAt('dana@gmail.com')).score).toBe(15);
    expect(custom.evaluate(contactAt('dana@mailinator.com')).score).toBe(95);
  });
});
