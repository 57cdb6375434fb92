import type { FraudFlag, FraudRule, Participant } from '@warmpath/plugin-sdk';
import type { SubmissionVelocitySettings } from './settings.js';

function velocityFlag(
  participant: Participant,
  period: '24h' | '30d',
  earlier: number,
  limit: number,
): FraudFlag | null {
  const total = earlier + 1;
  if (total <= limit) return null;
  const span = period === '24h' ? '24 hours' : '30 days';
  return {
    code: `velocity.too_many_in_${period}`,
    message: `${participant.name} has submitted ${total} referrals in ${span}, this one included (the limit is ${limit}).`,
    evidence: { participantId: participant.id, referralsIncludingThisOne: total, limit },
  };
}

/**
 * Flags a participant who submits more referrals in 24 hours or in 30 days than the settings allow: real
 * introductions take effort, bulk submissions suggest scraped lists or reward farming.
 */
export function createSubmissionVelocityRule(settings: SubmissionVelocitySettings): FraudRule {
  return {
    apiVersion: 1,
    description:
      'Flags a participant who submits more referrals in 24 hours or in 30 days than the set limits.',
    evaluate({ participant, history }) {
      const flags: FraudFlag[] = [];
      let score = 0;
      const day = velocityFlag(participant, '24h', history.participantReferralsLast24h, settings.limit24h);
      if (day) {
        flags.push(day);
        score = Math.max(score, settings.score24h);
      }
      const month = velocityFlag(participant, '30d', history.participantReferralsLast30d, settings.limit30d);
      if (month) {
        flags.push(month);
        score = Math.max(score, settings.score30d);
      }
      return { score, flags };
    },
  };
}
