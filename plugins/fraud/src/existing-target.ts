import type { FraudContext, FraudFlag, FraudRule, ReferralStatus } from '@warmpath/plugin-sdk';
import { describeDaysAgo, millisecondsBetween, wholeDaysBetween } from './days.js';
import { normaliseDomain } from './domains.js';
import type { ExistingTargetSettings } from './settings.js';

/** Statuses in which a referral still pursues its company: not rejected, not closed. */
const OPEN_STATUSES: ReadonlySet<ReferralStatus> = new Set([
  'submitted',
  'in_review',
  'accepted',
  'meeting_booked',
  'proposal_sent',
]);

function customerFlag({ company, companyStatus }: FraudContext): FraudFlag | null {
  if (!companyStatus?.isCustomer) return null;
  const since = companyStatus.customerSince ? ` since ${companyStatus.customerSince.slice(0, 10)}` : '';
  return {
    code: 'existing_target.customer',
    message: `${company.name} (${normaliseDomain(company.domain)}) is already a customer${since}.`,
    evidence: { companyId: company.id, customerSince: companyStatus.customerSince },
  };
}

function openReferralFlag({
  company,
  participant,
  priorReferrals,
  referral,
  track,
}: FraudContext): FraudFlag | null {
  const open = (priorReferrals ?? [])
    .filter(
      (prior) =>
        prior.id !== referral.id &&
        prior.companyId === company.id &&
        prior.participantId !== participant.id &&
        OPEN_STATUSES.has(prior.status),
    )
    .sort((a, b) => millisecondsBetween(a.createdAt, b.createdAt));
  const [latest] = open;
  if (!latest) return null;
  const where = latest.trackId === track.id ? 'this track' : 'another track';
  const age = describeDaysAgo(wholeDaysBetween(latest.createdAt, referral.createdAt));
  const more = open.length > 1 ? ` (${open.length} open referrals by others in all)` : '';
  return {
    code: 'existing_target.open_referral',
    message: `${company.name} (${normaliseDomain(company.domain)}) already has an open referral by another participant in ${where}, submitted ${age} and now ${latest.status.replaceAll('_', ' ')}${more}.`,
    evidence: {
      companyId: company.id,
      openReferrals: open.map((prior) => ({
        referralId: prior.id,
        participantId: prior.participantId,
        trackId: prior.trackId,
        status: prior.status,
      })),
    },
  };
}

/**
 * Flags a referral of a company that is already a customer, or that another participant's open referral
 * already pursues: neither introduction is new, whatever the timing.
 */
export function createExistingTargetRule(settings: ExistingTargetSettings): FraudRule {
  return {
    apiVersion: 1,
    description:
      "Flags a referral of a company that is already a customer or already has another participant's open referral.",
    evaluate(context) {
      const flags: FraudFlag[] = [];
      let score = 0;
      const customer = customerFlag(context);
      if (customer) {
        flags.push(customer);
        score = Math.max(score, settings.customerScore);
      }
      const openReferral = openReferralFlag(context);
      if (openReferral) {
        flags.push(openReferral);
        score = Math.max(score, settings.openReferralScore);
      }
      return { score, flags };
    },
  };
}
