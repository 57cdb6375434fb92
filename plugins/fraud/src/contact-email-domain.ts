import type { Contact, FraudContext, FraudFlag, FraudRule } from '@warmpath/plugin-sdk';
import {
  emailDomain,
  isDomainOrParentListed,
  isSameOrganisationDomain,
  normaliseDomain,
  normaliseEmail,
} from './domains.js';
import { DISPOSABLE_EMAIL_DOMAINS, FREE_MAIL_DOMAINS } from './email-domain-lists.js';
import type { ContactEmailDomainSettings } from './settings.js';

type MailboxKind = 'disposable' | 'free_mail';

interface FlaggedContact {
  contact: Contact;
  email: string;
  domain: string;
}

function withExtras(list: ReadonlySet<string>, extras: string[]): ReadonlySet<string> {
  return extras.length === 0 ? list : new Set([...list, ...extras.map(normaliseDomain)]);
}

function flagFor(
  kind: MailboxKind,
  flagged: FlaggedContact[],
  { company, contacts }: FraudContext,
): FraudFlag | null {
  if (flagged.length === 0) return null;
  const what = kind === 'disposable' ? 'a disposable (throwaway)' : 'a free-mail';
  const count =
    contacts.length === 1
      ? 'The contact uses'
      : `${flagged.length} of ${contacts.length} contacts ${flagged.length === 1 ? 'uses' : 'use'}`;
  return {
    code: `contact_domain.${kind}`,
    message: `${count} ${what} address instead of one at ${company.name} (${normaliseDomain(company.domain)}): ${flagged.map((item) => item.email).join(', ')}.`,
    evidence: {
      contacts: flagged.map((item) => ({ contactId: item.contact.id, domain: item.domain })),
    },
  };
}

/**
 * Flags contacts whose addresses are on free-mail or disposable domains: a buying committee of a B2B target
 * writes from its company's domain, and throwaway addresses cannot be reached or verified. Disposable domains
 * match with their sub-domains; free-mail domains only exactly (their lists hold public suffixes like `com.ar`).
 */
export function createContactEmailDomainRule(settings: ContactEmailDomainSettings): FraudRule {
  const allowed = new Set(settings.allowedDomains.map(normaliseDomain));
  const freeMail = withExtras(FREE_MAIL_DOMAINS, settings.extraFreeMailDomains);
  const disposable = withExtras(DISPOSABLE_EMAIL_DOMAINS, settings.extraDisposableDomains);
  const exemptTracks = new Set(settings.exemptTrackSlugs.map((slug) => slug.toLowerCase()));

  return {
    apiVersion: 1,
    description:
      "Flags contacts whose e-mail addresses are on free-mail or disposable domains rather than their company's.",
    evaluate(context) {
      if (exemptTracks.has(context.track.slug.toLowerCase())) return { score: 0, flags: [] };
      const companyDomain = normaliseDomain(context.company.domain);
      const found: Record<MailboxKind, FlaggedContact[]> = { disposable: [], free_mail: [] };
      for (const contact of context.contacts) {
        const email = normaliseEmail(contact.email);
        const domain = emailDomain(email);
        // The provider's own staff write from its domain: a referral of Yahoo may well name yahoo.com people.
        if (domain === null || isSameOrganisationDomain(domain, companyDomain, true)) continue;
        if (isDomainOrParentListed(domain, allowed)) continue;
        if (isDomainOrParentListed(domain, disposable)) found.disposable.push({ contact, email, domain });
        else if (freeMail.has(domain)) found.free_mail.push({ contact, email, domain });
      }

      const flags: FraudFlag[] = [];
      let score = 0;
      const disposableFlag = flagFor('disposable', found.disposable, context);
      if (disposableFlag) {
        flags.push(disposableFlag);
        score = Math.max(score, settings.disposableScore);
      }
      const freeMailFlag = flagFor('free_mail', found.free_mail, context);
      if (freeMailFlag) {
        flags.push(freeMailFlag);
        score = Math.max(score, settings.freeMailScore);
      }
      return { score, flags };
    },
  };
}
