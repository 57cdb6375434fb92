import type { BadgeTone } from '@warmpath/ui';

/** Words and colours of referral stages, in lifecycle order. */
export const STAGE_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  meeting_booked: 'Meeting booked',
  proposal_sent: 'Proposal sent',
  closed_won: 'Closed won',
  closed_lost: 'Closed lost',
};

export const STAGE_ORDER = Object.keys(STAGE_LABELS);

const tones: Record<string, BadgeTone> = {
  submitted: 'info',
  in_review: 'warning',
  accepted: 'primary',
  rejected: 'neutral',
  meeting_booked: 'accent',
  proposal_sent: 'accent',
  closed_won: 'success',
  closed_lost: 'danger',
};

/** "Meeting booked" for `meeting_booked`; unknown stages are shown as they came. */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

export function stageTone(stage: string): BadgeTone {
  return tones[stage] ?? 'neutral';
}
