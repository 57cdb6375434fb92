import { referralStageLabel, referralStageTone, type StageAudience } from '../labels/referral-stages.js';
import { Badge } from './badge.js';

/** Props of {@link ReferralStageBadge}. */
export interface ReferralStageBadgeProps {
  stage: string;
  /** Whose words: the console's (`staff`, the default) or the portal's (`referrer`). */
  audience?: StageAudience;
}

/** A referral's stage as a badge; the words carry the meaning, the colour groups stages. */
export function ReferralStageBadge({ stage, audience = 'staff' }: ReferralStageBadgeProps) {
  return <Badge tone={referralStageTone(stage)}>{referralStageLabel(stage, audience)}</Badge>;
}
