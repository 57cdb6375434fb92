import { describe, expect, it } from 'vitest';
import { readReferralTrackSettings } from '../tracks/track-settings.schema.js';
import { assessFraud, fraudDecision } from './fraud.js';

const defaults = readReferralTrackSettings({}).fraudThresholds;

describe('fraud assessment', () => {
  it('holds for review from 40 and blocks from 80 by default', () => {
    expect(defaults).toEqual({ review: 40, block: 80 });
    expect([0, 39, 40, 79, 80, 100].map((score) => fraudDecision(score, defaults))).toEqual([
      'allow',
      'allow',
      'review',
      'review',
      'block',
      'block',
    ]);
  });

  it('scores a referral by its strongest rule and keeps every flag with its rule and score', () => {
    const assessment = assessFraud(
      [
        {
          rule: 'velocity',
          score: 30,
          flags: [{ code: 'velocity.day', message: 'Many today', evidence: { count: 9 } }],
        },
        {
          rule: 'self',
          score: 70,
          flags: [
            { code: 'self.domain', message: 'Same domain', evidence: { domain: 'acme.com' } },
            { code: 'self.contact', message: 'Is a contact', evidence: {} },
          ],
        },
        { rule: 'quiet', score: 0, flags: [] },
      ],
      defaults,
    );
    expect(assessment.score).toBe(70);
    expect(assessment.decision).toBe('review');
    expect(assessment.flags).toEqual([
      { rule: 'velocity', code: 'velocity.day', message: 'Many today', evidence: { count: 9 }, score: 30 },
      {
        rule: 'self',
        code: 'self.domain',
        message: 'Same domain',
        evidence: { domain: 'acme.com' },
        score: 70,
      },
      { rule: 'self', code: 'self.contact', message: 'Is a contact', evidence: {}, score: 70 },
    ]);
  });

  it('applies a track’s own thresholds', () => {
    const strict = readReferralTrackSettings({ fraudThresholds: { review: 10, block: 30 } }).fraudThresholds;
    expect(assessFraud([{ rule: 'r', score: 30, flags: [] }], strict).decision).toBe('block');
    expect(assessFraud([{ rule: 'r', score: 30, flags: [] }], defaults).decision).toBe('allow');
  });

  it('falls back to the defaults when a track’s thresholds are malformed', () => {
    expect(readReferralTrackSettings({ fraudThresholds: { review: 90, block: 10 } }).fraudThresholds).toEqual(
      defaults,
    );
    expect(readReferralTrackSettings({ fraudThresholds: 'high' }).fraudThresholds).toEqual(defaults);
  });

  it('allows everything when no rule says anything, and clamps out-of-range scores', () => {
    expect(assessFraud([], defaults)).toEqual({ score: 0, decision: 'allow', flags: [] });
    expect(assessFraud([{ rule: 'r', score: 250, flags: [] }], defaults).score).toBe(100);
    expect(assessFraud([{ rule: 'r', score: Number.NaN, flags: [] }], defaults).score).toBe(0);
  });
});
