/**
 * The referral vocabulary: lifecycle states and buying-committee roles, with the words people read for roles.
 * Plain constants with no dependencies, so the web apps import them as well (`@warmpath/plugin-sdk/vocabulary`)
 * and the server, the console and the portal name things from one list.
 */

/** Lifecycle states of a referral, in lifecycle order. */
export const REFERRAL_STATUSES = [
  'submitted',
  'in_review',
  'accepted',
  'rejected',
  'meeting_booked',
  'proposal_sent',
  'closed_won',
  'closed_lost',
] as const;

/** Where a referral is in its lifecycle. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Buying-committee roles a referred contact can hold. */
export const CONTACT_ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'technical_evaluator',
  'influencer',
  'user',
  'other',
] as const;

/** A contact's role in the buying committee. */
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** The words for each contact role, as the portal's form offers them and both apps show them. */
export const CONTACT_ROLE_LABELS: Readonly<Record<ContactRole, string>> = {
  decision_maker: 'Decision maker',
  economic_buyer: 'Economic buyer',
  champion: 'Champion',
  technical_evaluator: 'Technical evaluator',
  influencer: 'Influencer',
  user: 'User',
  other: 'Other',
};
