import type { BadgeTone } from '@warmpath/ui';

/** A referral's stage as the portal receives it (core's REFERRAL_STATUSES). */
export type ReferralStage =
  | 'submitted'
  | 'in_review'
  | 'accepted'
  | 'rejected'
  | 'meeting_booked'
  | 'proposal_sent'
  | 'closed_won'
  | 'closed_lost';

const stages: Record<ReferralStage, { label: string; tone: BadgeTone; meaning: string }> = {
  submitted: {
    label: 'Submitted',
    tone: 'neutral',
    meaning: 'We have your introduction and will look at it soon.',
  },
  in_review: { label: 'In review', tone: 'info', meaning: 'The team is checking the introduction.' },
  accepted: { label: 'Accepted', tone: 'primary', meaning: 'The team is taking the introduction forward.' },
  rejected: {
    label: 'Not taken forward',
    tone: 'danger',
    meaning: 'The team decided not to pursue this one.',
  },
  meeting_booked: {
    label: 'Meeting booked',
    tone: 'accent',
    meaning: 'A first meeting with the company is set.',
  },
  proposal_sent: { label: 'Proposal sent', tone: 'warning', meaning: 'The company has received a proposal.' },
  closed_won: { label: 'Won', tone: 'success', meaning: 'The company signed. Thank you!' },
  closed_lost: {
    label: 'Closed, not won',
    tone: 'neutral',
    meaning: 'The company decided not to buy this time.',
  },
};

function isKnownStage(stage: string): stage is ReferralStage {
  return Object.hasOwn(stages, stage);
}

/** The words, colour and one-line meaning of a stage; a stage this build does not know reads as its code. */
export function describeStage(stage: string): { label: string; tone: BadgeTone; meaning: string } {
  if (isKnownStage(stage)) return stages[stage];
  return { label: stage.replaceAll('_', ' '), tone: 'neutral', meaning: '' };
}
