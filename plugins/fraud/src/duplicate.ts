import type { FraudContext, FraudFlag, FraudRule, PriorReferral } from '@warmpath/plugin-sdk';
import { describeDaysAgo, isWithinDaysBefore, millisecondsBetween, wholeDaysBetween } from './days.js';
import { normaliseDomain, normaliseEmail } from './domains.js';
import type { DuplicateSettings } from './settings.js';

/** Newest first, without mutating the host's array. */
function newestFirst(referrals: PriorReferral[]): PriorReferral[] {
  return [...referrals].sort((a, b) => millisecondsBetween(a.createdAt, b.createdAt));
}

/**
 * Earlier referrals that still claim the attribution window of this track: same track, created within the
 * window before this referral, and not rejected (a rejected referral claims nothing).
 */
function claimsInWindow({ referral, track }: FraudContext, priorReferrals: PriorReferral[]): PriorReferral[] {
  return newestFirst(
    priorReferrals.filter(
      (prior) =>
        prior.id !== referral.id &&
        prior.trackId === track.id &&
        prior.status !== 'rejected' &&
        isWithinDaysBefore(prior.createdAt, referral.createdAt, track.attributionWindowDays),
    ),
  );
}

function companyFlag(context: FraudContext, claims: PriorReferral[]): FraudFlag | null {
  const { company, participant, referral, track } = context;
  const sameCompany = claims.filter((prior) => prior.companyId === company.id);
  const [latest] = sameCompany;
  if (!latest) return null;
  const daysAgo = wholeDaysBetween(latest.createdAt, referral.createdAt);
  const by = latest.participantId === participant.id ? 'the same participant' : 'another participant';
  const others =
    sameCompany.length > 1
      ? ` (${sameCompany.length} earlier referrals within the ${track.attributionWindowDays}-day attribution window)`
      : '';
  return {
    code: 'duplicate.company_in_window',
    message: `${company.name} (${normaliseDomain(company.domain)}) was already referred in this track ${describeDaysAgo(daysAgo)} by ${by}${others}.`,
    evidence: {
      companyId: company.id,
      priorReferralIds: sameCompany.map((prior) => prior.id),
      latestPriorReferralId: latest.id,
      latestPriorParticipantId: latest.participantId,
      daysSinceLatest: daysAgo,
      attributionWindowDays: track.attributionWindowDays,
    },
  };
}

function contactFlag(context: FraudContext, claims: PriorReferral[]): FraudFlag | null {
  const { contacts, referral, track } = context;
  const matches = contacts.flatMap((contact) => {
    const email = normaliseEmail(contact.email);
    const prior = claims.find((claim) =>
      claim.contactEmails.some((other) => normaliseEmail(other) === email),
    );
    return prior
      ? [{ contact, email, prior, daysAgo: wholeDaysBetween(prior.createdAt, referral.createdAt) }]
      : [];
  });
  const [first] = matches;
  if (!first) return null;
  const describe = (match: typeof first) =>
    `${match.contact.name} (${match.email}) ${describeDaysAgo(match.daysAgo)}`;
  const message =
    matches.length === 1
      ? `${first.contact.name} (${first.email}) was already referred in this track ${describeDaysAgo(first.daysAgo)}.`
      : `${matches.length} of the contacts were already referred in this track within the ${track.attributionWindowDays}-day attribution window: ${matches.map(describe).join(', ')}.`;
  return {
    code: 'duplicate.contact_in_window',
    message,
    evidence: {
      contacts: matches.map((match) => ({
        contactId: match.contact.id,
        priorReferralId: match.prior.id,
        daysAgo: match.daysAgo,
      })),
      attributionWindowDays: track.attributionWindowDays,
    },
  };
}

/**
 * Without the list of earlier referrals only the 90-day count is known: it says the company was referred
 * recently, by anyone and in any track, which is still worth a reviewer's look.
 */
function recentCompanyFlag({ company, history }: FraudContext): FraudFlag | null {
  const count = history.companyReferralsLast90d;
  if (count === 0) return null;
  return {
    code: 'duplicate.company_recently_referred',
    message: `${company.name} (${normaliseDomain(company.domain)}) was referred ${count === 1 ? 'once' : `${count} times`} before in the last 90 days (in any track).`,
    evidence: { companyId: company.id, companyReferralsLast90d: count },
  };
}

/**
 * Flags a referral whose company or contacts were already referred in the same track within its attribution
 * window: the earlier referral holds the claim, so this one would pay twice for one introduction.
 */
export function createDuplicateRule(settings: DuplicateSettings): FraudRule {
  return {
    apiVersion: 1,
    description:
      'Flags a referral whose company or contacts were already referred in the same track within its attribution window.',
    evaluate(context) {
      if (context.priorReferrals === undefined) {
        const recent = recentCompanyFlag(context);
        return recent ? { score: settings.companyScore, flags: [recent] } : { score: 0, flags: [] };
      }
      const claims = claimsInWindow(context, context.priorReferrals);
      const flags: FraudFlag[] = [];
      let score = 0;
      const company = companyFlag(context, claims);
      if (company) {
        flags.push(company);
        score = Math.max(score, settings.companyScore);
      }
      const contact = contactFlag(context, claims);
      if (contact) {
        flags.push(contact);
        score = Math.max(score, settings.contactScore);
      }
      return { score, flags };
    },
  };
}
