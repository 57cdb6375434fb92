import { REFERRAL_STATUSES, type ReferralStatus } from '@warmpath/plugin-sdk/vocabulary';
import type { BadgeTone } from '../components/badge.js';

/** Where a referral is in its lifecycle (the server's status). */
export type ReferralStage = ReferralStatus;

/** The stages of a referral in lifecycle order. */
export const REFERRAL_STAGES: readonly ReferralStage[] = REFERRAL_STATUSES;

/** Who reads the words: staff get the pipeline's terms, referrers gentler ones with what each stage means. */
export type StageAudience = 'staff' | 'referrer';

interface StageWords {
  staff: string;
  referrer: string;
  /** One line for the referrer on what the stage means for their introduction. */
  meaning: string;
  /** The colour groups stages; the words carry the meaning. */
  tone: BadgeTone;
}

// Every stage must have words: a stage added to the vocabulary fails the type check here until it has them.
const stages: Readonly<Record<ReferralStage, StageWords>> = {
  submitted: {
    staff: 'Submitted',
    referrer: 'Submitted',
    meaning: 'We have your introduction and will look at it soon.',
    tone: 'info',
  },
  in_review: {
    staff: 'In review',
    referrer: 'In review',
    meaning: 'The team is checking the introduction.',
    tone: 'warning',
  },
  accepted: {
    staff: 'Accepted',
    referrer: 'Accepted',
    meaning: 'The team is taking the introduction forward.',
    tone: 'primary',
  },
  rejected: {
    staff: 'Rejected',
    referrer: 'Not taken forward',
    meaning: 'The team decided not to pursue this one.',
    tone: 'neutral',
  },
  meeting_booked: {
    staff: 'Meeting booked',
    referrer: 'Meeting booked',
    meaning: 'A first meeting with the company is set.',
    tone: 'accent',
  },
  proposal_sent: {
    staff: 'Proposal sent',
    referrer: 'Proposal sent',
    meaning: 'The company has received a proposal.',
    tone: 'accent',
  },
  closed_won: {
    staff: 'Closed won',
    referrer: 'Won',
    meaning: 'The company signed. Thank you!',
    tone: 'success',
  },
  closed_lost: {
    staff: 'Closed lost',
    referrer: 'Closed, not won',
    meaning: 'The company decided not to buy this time.',
    tone: 'danger',
  },
};

/** True for a stage this build has words for. */
export function isReferralStage(stage: string): stage is ReferralStage {
  return Object.hasOwn(stages, stage);
}

/** "Meeting booked" for `meeting_booked`; a stage this build does not know reads as its code with spaces. */
export function referralStageLabel(stage: string, audience: StageAudience = 'staff'): string {
  return isReferralStage(stage) ? stages[stage][audience] : stage.replaceAll('_', ' ');
}

/** What a stage means for the referrer who made the introduction; empty for a stage this build does not know. */
export function referralStageMeaning(stage: string): string {
  return isReferralStage(stage) ? stages[stage].meaning : '';
}

/** The badge colour of a stage. */
export function referralStageTone(stage: string): BadgeTone {
  return isReferralStage(stage) ? stages[stage].tone : 'neutral';
}

/** Every stage with its staff label, in lifecycle order: the choices of stage filters and pickers. */
export const REFERRAL_STAGE_OPTIONS: ReadonlyArray<{ value: ReferralStage; label: string }> =
  REFERRAL_STAGES.map((stage) => ({ value: stage, label: stages[stage].staff }));
