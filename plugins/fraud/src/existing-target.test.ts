import {
  createTestHost,
  describeFraudRuleContract,
  sampleFraudContext,
  samplePriorReferral,
} from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { createExistingTargetRule } from './existing-target.js';
import fraudPlugin from './index.js';
import { type ExistingTargetSettings, existingTargetSettingsSchema } from './settings.js';

function rule(overrides: Partial<ExistingTargetSettings> = {}) {
  return createExistingTargetRule(existingTargetSettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

function withoutOptionalFields() {
  const { priorReferrals, companyStatus, ...context } = sampleFraudContext();
  return context;
}

const customer = { isCustomer: true, customerSince: '2024-05-01T00:00:00.000Z' };

describeFraudRuleContract(
  'the existing-target rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:existing-target'),
  {
    contexts: [withoutOptionalFields()],
    flaggedContexts: [
      sampleFraudContext({ companyStatus: customer }),
      sampleFraudContext({ priorReferrals: [samplePriorReferral()] }),
    ],
  },
);

describe('the existing-target rule', () => {
  it('lets a referral of a prospect nobody else pursues through', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
  });

  it('flags a company that is already a customer, saying since when', () => {
    expect(rule().evaluate(sampleFraudContext({ companyStatus: customer }))).toEqual({
      score: 60,
      flags: [
        {
          code: 'existing_target.customer',
          message: 'Acme Corp (acme.example) is already a customer since 2024-05-01.',
          evidence: { companyId: 'company-acme', customerSince: '2024-05-01T00:00:00.000Z' },
        },
      ],
    });
    expect(
      rule().evaluate(sampleFraudContext({ companyStatus: { isCustomer: true, customerSince: null } }))
        .flags[0]?.message,
    ).toBe('Acme Corp (acme.example) is already a customer.');
  });

  it("flags another participant's open referral of the company, in any track and of any age", () => {
    const result = rule().evaluate(
      sampleFraudContext({
        priorReferrals: [
          samplePriorReferral({
            trackId: 'track-clients',
            status: 'in_review',
            createdAt: '2024-11-01T09:00:00.000Z',
          }),
        ],
      }),
    );
    expect(result).toEqual({
      score: 50,
      flags: [
        {
          code: 'existing_target.open_referral',
          message:
            'Acme Corp (acme.example) already has an open referral by another participant in another track, submitted 426 days ago and now in review.',
          evidence: {
            companyId: 'company-acme',
            openReferrals: [
              {
                referralId: 'referral-0',
                participantId: 'participant-casey',
                trackId: 'track-clients',
                status: 'in_review',
              },
            ],
          },
        },
      ],
    });
  });

  it('names the most recent open referral and counts the others', () => {
    const result = rule().evaluate(
      sampleFraudContext({
        priorReferrals: [
          samplePriorReferral({ id: 'referral-a', createdAt: '2025-10-01T09:00:00.000Z' }),
          samplePriorReferral({
            id: 'referral-b',
            status: 'meeting_booked',
            createdAt: '2025-12-31T09:00:00.000Z',
          }),
        ],
      }),
    );
    expect(result.flags[0]?.message).toBe(
      'Acme Corp (acme.example) already has an open referral by another participant in this track, submitted 1 day ago and now meeting booked (2 open referrals by others in all).',
    );
  });

  it("does not count closed or rejected referrals, the participant's own, other companies', or this one", () => {
    const result = rule().evaluate(
      sampleFraudContext({
        priorReferrals: [
          samplePriorReferral({ status: 'rejected' }),
          samplePriorReferral({ status: 'closed_lost' }),
          samplePriorReferral({ status: 'closed_won' }),
          samplePriorReferral({ participantId: 'participant-riley' }),
          samplePriorReferral({ companyId: 'company-other' }),
          samplePriorReferral({ id: 'referral-1' }),
        ],
      }),
    );
    expect(result).toEqual({ score: 0, flags: [] });
  });

  it('stays silent on what the host does not say: no customer status, no earlier referrals', () => {
    expect(rule().evaluate(withoutOptionalFields())).toEqual({ score: 0, flags: [] });
  });

  it('reports both reasons when both hold, scoring the higher', () => {
    const result = rule({ customerScore: 30, openReferralScore: 45 }).evaluate(
      sampleFraudContext({ companyStatus: customer, priorReferrals: [samplePriorReferral()] }),
    );
    expect(codes(result)).toEqual(['existing_target.customer', 'existing_target.open_referral']);
    expect(result.score).toBe(45);
  });
});
