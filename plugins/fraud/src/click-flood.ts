import type { FraudRule } from '@warmpath/plugin-sdk';
import type { ClickFloodSettings } from './settings.js';

/**
 * Flags a referral submitted from an IP address that produced many referral-link clicks in the hour before:
 * people click a link once or twice, scripts and click farms inflate counts from one address.
 */
export function createClickFloodRule(settings: ClickFloodSettings): FraudRule {
  return {
    apiVersion: 1,
    description:
      'Flags a referral submitted from an IP address that clicked referral links many times in the hour before.',
    evaluate({ submission }) {
      const clicks = submission.clicksFromIpHashLastHour;
      if (clicks === undefined || clicks < settings.clicksPerHourThreshold) return { score: 0, flags: [] };
      return {
        score: settings.score,
        flags: [
          {
            code: 'click_flood.ip_hash',
            message: `${clicks} referral-link clicks came from the submitting IP address in the hour before this referral (the threshold is ${settings.clicksPerHourThreshold}).`,
            // The hash, never the address: reviewers match it against click records, which store only hashes.
            evidence: {
              ipHash: submission.ipHash ?? null,
              clicksLastHour: clicks,
              threshold: settings.clicksPerHourThreshold,
            },
          },
        ],
      };
    },
  };
}
