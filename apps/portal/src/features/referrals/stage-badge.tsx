import { Badge } from '@warmpath/ui';
import { describeStage } from './referral-stage.js';

/** A referral's stage as a badge; the text carries the meaning, the colour only echoes it. */
export function StageBadge({ stage }: { stage: string }) {
  const { label, tone } = describeStage(stage);
  return <Badge tone={tone}>{label}</Badge>;
}
