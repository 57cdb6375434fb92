import { createTestHost, describeFraudRuleContract, sampleFraudContext } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import fraudPlugin from './index.js';
import { type SubmissionVelocitySettings, submissionVelocitySettingsSchema } from './settings.js';
import { createSubmissionVelocityRule } from './submission-velocity.js';

function rule(overrides: Partial<SubmissionVelocitySettings> = {}) {
  return createSubmissionVelocityRule(submissionVelocitySettingsSchema.parse(overrides));
}

const codes = (result: { flags: { code: string }[] }) => result.flags.map((flag) => flag.code);

/** A context where the participant submitted `last24h` and `last30d` referrals before this one. */
const busy = (last24h: number, last30d = Math.max(last24h, 2)) =>
  sampleFraudContext({
    history: { participantReferralsLast24h: last24h, participantReferralsLast30d: last30d },
  });

describeFraudRuleContract(
  'the submission velocity rule (default settings)',
  () => createTestHost({ plugins: [fraudPlugin] }).get('fraud', 'fraud:fraud:default:submission-velocity'),
  { flaggedContexts: [busy(5), busy(0, 30)] },
);

describe('the submission velocity rule', () => {
  it('lets a participant with an ordinary pace through', () => {
    expect(rule().evaluate(sampleFraudContext())).toEqual({ score: 0, flags: [] });
  });

  it('allows up to the 24-hour limit, this referral included, and flags the next one', () => {
    expect(rule().evaluate(busy(4)).flags).toEqual([]);
    expect(rule().evaluate(busy(5))).toEqual({
      score: 50,
      flags: [
        {
          code: 'velocity.too_many_in_24h',
          message: 'Riley Partner has submitted 6 referrals in 24 hours, this one included (the limit is 5).',
          evidence: { participantId: 'participant-riley', referralsIncludingThisOne: 6, limit: 5 },
        },
      ],
    });
  });

  it('allows up to the 30-day limit and flags the next one', () => {
    expect(rule().evaluate(busy(0, 29)).flags).toEqual([]);
    const result = rule().evaluate(busy(0, 30));
    expect(codes(result)).toEqual(['velocity.too_many_in_30d']);
    expect(result.score).toBe(40);
    expect(result.flags[0]?.message).toBe(
      'Riley Partner has submitted 31 referrals in 30 days, this one included (the limit is 30).',
    );
  });

  it('reports both periods when both are exceeded, scoring the higher', () => {
    const result = rule().evaluate(busy(40, 300));
    expect(codes(result)).toEqual(['velocity.too_many_in_24h', 'velocity.too_many_in_30d']);
    expect(result.score).toBe(50);
  });

  it('uses the configured limits and scores', () => {
    const strict = rule({ limit24h: 1, score24h: 70, limit30d: 3, score30d: 20 });
    expect(strict.evaluate(busy(0, 0)).flags).toEqual([]);
    expect(strict.evaluate(busy(1, 1))).toMatchObject({
      score: 70,
      flags: [{ code: 'velocity.too_many_in_24h' }],
    });
    expect(strict.evaluate(busy(0, 3))).toMatchObject({
      score: 20,
      flags: [{ code: 'velocity.too_many_in_30d' }],
    });
  });

  it('refuses a limit of zero, which would flag every referral', () => {
    expect(() => submissionVelocitySettingsSchema.parse({ limit24h: 0 })).toThrow();
  });
});
