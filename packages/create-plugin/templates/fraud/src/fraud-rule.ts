import type { FraudRule } from '@warmpath/plugin-sdk';
import type { Settings } from './settings.js';

/** The domain of an e-mail address, lower-cased (`''` when it has none). */
function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * A {@link FraudRule} flagging referrals of a blocked company, or naming a contact at one. Pure, as the host
 * requires: it reads only its context and settings (no clock, network or randomness).
 */
export function createFraudRule(settings: Settings): FraudRule {
  const blocked = new Set(settings.blockedDomains.map((domain) => domain.toLowerCase()));
  return {
    apiVersion: 1,
    description: 'Flags referrals of companies on the blocklist, or naming contacts there.',
    evaluate({ company, contacts }) {
      const domains = [company.domain, ...contacts.map((contact) => emailDomain(contact.email))];
      const hits = [...new Set(domains.map((domain) => domain.toLowerCase()))].filter((domain) =>
        blocked.has(domain),
      );
      if (hits.length === 0) return { score: 0, flags: [] };
      return {
        score: settings.score,
        flags: [
          {
            code: 'blocklist.domain',
            message: `The referral names a blocked domain: ${hits.join(', ')}.`,
            evidence: { domains: hits },
          },
        ],
      };
    },
  };
}
