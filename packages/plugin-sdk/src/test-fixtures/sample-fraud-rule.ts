import type { FraudRule } from '../index.js';

/** Flags participants who submit more referrals in 24 hours than `limit`. */
export function createVelocityRule(limit: number): FraudRule {
  return {
    apiVersion: 1,
    description: `Flags a participant who submitted more than ${limit} referrals in the last 24 hours.`,
    evaluate({ history }) {
      const count = history.participantReferralsLast24h;
      if (count <= limit) return { score: 0, flags: [] };
      return {
        score: Math.min(100, 50 + (count - limit) * 5),
        flags: [
          {
            code: 'velocity.too_many_referrals',
            message: `The participant submitted ${count} referrals in 24 hours (limit ${limit}).`,
            evidence: { count, limit },
          },
        ],
      };
    },
  };
}
