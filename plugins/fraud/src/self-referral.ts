import type { FraudFlag, FraudRule } from '@warmpath/plugin-sdk';
import { emailDomain, isSameOrganisationDomain, normaliseDomain, normaliseEmail } from './domains.js';
import type { SelfReferralSettings } from './settings.js';

/**
 * Flags a referral whose referrer is the target: the referrer's e-mail domain is the company's domain, or the
 * referrer is one of the referred contacts. Either way the "introduction" earns a reward for reaching oneself.
 */
export function createSelfReferralRule(settings: SelfReferralSettings): FraudRule {
  const ignored = new Set(settings.ignoredDomains.map(normaliseDomain));
  return {
    apiVersion: 1,
    description:
      "Flags a referral when the referrer's e-mail domain is the target company's domain or the referrer is one of the referred contacts.",
    evaluate({ participant, company, contacts }) {
      const flags: FraudFlag[] = [];
      let score = 0;
      const referrerEmail = normaliseEmail(participant.email);

      const referrerAsContact = contacts.find((contact) => normaliseEmail(contact.email) === referrerEmail);
      if (referrerAsContact) {
        score = Math.max(score, settings.referrerIsContactScore);
        flags.push({
          code: 'self_referral.referrer_is_contact',
          message: `The referrer (${referrerEmail}) is one of the contacts they referred.`,
          evidence: { participantEmail: referrerEmail, contactId: referrerAsContact.id },
        });
      }

      const referrerDomain = emailDomain(referrerEmail);
      const companyDomain = normaliseDomain(company.domain);
      const isComparable =
        referrerDomain !== null && !ignored.has(referrerDomain) && !ignored.has(companyDomain);
      if (isComparable && isSameOrganisationDomain(referrerDomain, companyDomain, settings.matchSubdomains)) {
        score = Math.max(score, settings.sameDomainScore);
        flags.push({
          code: 'self_referral.same_domain',
          message: `The referrer's e-mail domain (${referrerDomain}) belongs to the referred company ${company.name} (${companyDomain}).`,
          evidence: { participantEmailDomain: referrerDomain, companyDomain },
        });
      }

      return { score, flags };
    },
  };
}
