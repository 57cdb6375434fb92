import {
  createTestHost,
  describeFraudRuleContract,
  sampleContact,
  sampleFraudContext,
  samplePriorReferral,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { createDuplicateRule } from './duplicate.js';
import fraudPlugin from './index.js';
import { type DuplicateSettings, duplicateSettingsSchema } from './settings.js';

function rule(overrides: Partial<DuplicateSettings> = {}) {
  return createDuplicateRule(duplicateSettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

/** The sample referral is created 2026-01-01T09:00Z; this is `days` before it. */
const daysBefore = (days: number) =>
  new Date(Date.parse('2026-01-01T09:00:00.000Z') - days * 86_400_000).toISOString();

/** An earlier referral of Acme in the same track by someone else, naming a contact other than Dana. */
const earlierAcme = (days: number, overrides: Parameters<typeof samplePriorReferral>[0] = {}) =>
  samplePriorReferral({ createdAt: daysBefore(days), contactEmails: ['lee@acme.example'], ...overrides });

function withoutPriorReferrals(patch: Parameters<typeof sampleFraudContext>[0] = {}) {
  const { priorReferrals, ...context } = sampleFraudContext(patch);
  return context;
}

describeFraudRuleContract(
  'the duplicate rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:duplicate'),
  {
    contexts: [withoutPriorReferrals(), sampleFraudContext({ priorReferrals: [earlierAcme(400)] })],
    flaggedContexts: [
      sampleFraudContext({ priorReferrals: [earlierAcme(12)] }),
      sampleFraudContext({ priorReferrals: [samplePriorReferral({ companyId: 'company-other' })] }),
      withoutPriorReferrals({ history: { companyReferralsLast90d: 3 } }),
    ],
  },
);

describe('the duplicate rule', () => {
  it('lets a first referral of a company through', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
  });

  it('flags a company already referred in this track within the window, saying when and by whom', () => {
    const result = rule().evaluate(sampleFraudContext({ priorReferrals: [earlierAcme(12)] }));
    expect(result.score).toBe(60);
    expect(result.flags).toEqual([
      {
        code: 'duplicate.company_in_window',
        message:
          'Acme Corp (acme.example) was already referred in this track 12 days ago by another participant.',
        evidence: {
          companyId: 'company-acme',
          priorReferralIds: ['referral-0'],
          latestPriorReferralId: 'referral-0',
          latestPriorParticipantId: 'participant-casey',
          daysSinceLatest: 12,
          attributionWindowDays: 90,
        },
      },
    ]);
  });

  it('names the most recent earlier referral and counts the others', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        priorReferrals: [
          earlierAcme(40, { id: 'referral-old' }),
          earlierAcme(3, { id: 'referral-new', participantId: 'participant-riley' }),
        ],
      }),
    );
    expect(result.flags[0]?.message).toBe(
      'Acme Corp (acme.example) was already referred in this track 3 days ago by the same participant (2 earlier referrals within the 90-day attribution window).',
    );
    expect(result.flags[0]?.evidence).toMatchObject({
      priorReferralIds: ['referral-new', 'referral-old'],
      latestPriorReferralId: 'referral-new',
    });
  });

  it("uses the track's own attribution window, its last day included", () => {
    expect(codes(rule().evaluate(sampleFraudContext({ priorReferrals: [earlierAcme(90)] })))).toEqual([
      'duplicate.company_in_window',
    ]);
    expect(rule().evaluate(sampleFraudContext({ priorReferrals: [earlierAcme(91)] })).flags).toEqual([]);
    const shortWindow = { track: { attributionWindowDays: 30 } };
    expect(
      rule().evaluate(sampleFraudContext({ ...shortWindow, priorReferrals: [earlierAcme(31)] })).flags,
    ).toEqual([]);
    expect(
      rule().evaluate(sampleFraudContext({ ...shortWindow, priorReferrals: [earlierAcme(29)] })).flags,
    ).toHaveLength(1);
  });

  it('ignores referrals in other tracks, rejected ones, and the referral itself', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        priorReferrals: [
          earlierAcme(5, { trackId: 'track-clients' }),
          earlierAcme(5, { status: 'rejected' }),
          earlierAcme(0, { id: 'referral-1' }),
        ],
      }),
    );
    expect(result).toEqual({ score: 0, flags: [] });
  });

  it('counts earlier referrals that went on to close, won or lost, as claims', () => {
    for (const status of ['closed_won', 'closed_lost', 'in_review'] as const) {
      expect(
        codes(rule().evaluate(sampleFraudContext({ priorReferrals: [earlierAcme(5, { status })] }))),
      ).toEqual(['duplicate.company_in_window']);
    }
  });

  it('says "less than a day ago" for a referral made earlier the same day', () => {
    const result = rule().evaluate(
      sampleFraudContext({ priorReferrals: [earlierAcme(0, { createdAt: '2026-01-01T08:00:00.000Z' })] }),
    );
    expect(result.flags[0]?.message).toContain('in this track less than a day ago');
  });

  it('flags a contact already referred in the track, whatever the case of the address, scoring higher', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        contacts: [sampleContact({ email: 'Dana@ACME.example' })],
        priorReferrals: [earlierAcme(30, { contactEmails: ['dana@acme.example'] })],
      }),
    );
    expect(codes(result)).toEqual(['duplicate.company_in_window', 'duplicate.contact_in_window']);
    expect(result.score).toBe(70);
    expect(result.flags[1]).toEqual({
      code: 'duplicate.contact_in_window',
      message: 'Dana Buyer (dana@acme.example) was already referred in this track 30 days ago.',
      evidence: {
        contacts: [{ contactId: 'contact-dana', priorReferralId: 'referral-0', daysAgo: 30 }],
        attributionWindowDays: 90,
      },
    });
  });

  it('catches a contact referred under another company record, and lists every repeated contact', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        contacts: [
          sampleContact(),
          sampleContact({ id: 'contact-lee', name: 'Lee Chen', email: 'lee@acme.example' }),
          sampleContact({ id: 'contact-new', name: 'New Person', email: 'new@acme.example' }),
        ],
        priorReferrals: [
          earlierAcme(30, { companyId: 'company-acme-old', contactEmails: ['dana@acme.example'] }),
          earlierAcme(2, {
            id: 'referral-lee',
            companyId: 'company-acme-old',
            contactEmails: ['lee@acme.example'],
          }),
        ],
      }),
    );
    expect(codes(result)).toEqual(['duplicate.contact_in_window']);
    expect(result.flags[0]?.message).toBe(
      '2 of the contacts were already referred in this track within the 90-day attribution window: Dana Buyer (dana@acme.example) 30 days ago, Lee Chen (lee@acme.example) 2 days ago.',
    );
  });

  it('has nothing to compare for a referral without contacts', () => {
    const result = rule().evaluate(
      sampleFraudContext({ contacts: [], priorReferrals: [earlierAcme(5, { companyId: 'company-other' })] }),
    );
    expect(result).toEqual({ score: 0, flags: [] });
  });

  it('falls back to the 90-day company count when the host gives no earlier referrals', () => {
    const result = rule().evaluate(withoutPriorReferrals({ history: { companyReferralsLast90d: 3 } }));
    expect(result).toEqual({
      score: 60,
      flags: [
        {
          code: 'duplicate.company_recently_referred',
          message: 'Acme Corp (acme.example) was referred 3 times before in the last 90 days (in any track).',
          evidence: { companyId: 'company-acme', companyReferralsLast90d: 3 },
        },
      ],
    });
    expect(
      rule().evaluate(withoutPriorReferrals({ history: { companyReferralsLast90d: 1 } })).flags[0]?.message,
    ).toContain('was referred once before');
    expect(rule().evaluate(withoutPriorReferrals()).flags).toEqual([]);
  });

  it('trusts the list of earlier referrals over the count when it has both', () => {
    expect(rule().evaluate(sampleFraudContext({ history: { companyReferralsLast90d: 3 } })).flags).toEqual(
      [],
    );
  });

  it('uses the configured scores', () => {
    const custom = rule({ companyScore: 20, contactScore: 90 });
    expect(custom.evaluate(sampleFraudContext({ priorReferrals: [earlierAcme(5)] })).score).toBe(20);
    expect(
      custom.evaluate(
        sampleFraudContext({ priorReferrals: [earlierAcme(5, { contactEmails: ['dana@acme.example'] })] }),
      ).score,
    ).toBe(90);
  });
});
