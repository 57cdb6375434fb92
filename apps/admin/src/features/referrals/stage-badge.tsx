import { Badge } from '@warmpath/ui';
import { stageLabel, stageTone } from './stage-labels.js';

/** A referral's stage as a badge; the word carries the meaning, the colour groups stages. */
export function StageBadge({ stage }: { stage: string }) {
  return <Badge tone={stageTone(stage)}>{stageLabel(stage)}</Badge>;
}
