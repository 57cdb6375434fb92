import { Badge } from '@warmpath/ui';

/** Props of {@link TrackStatusBadge}. */
export interface TrackStatusBadgeProps {
  status: string;
}

/** Whether a track takes referrals: active ones stand out, anything else is muted. */
export function TrackStatusBadge({ status }: TrackStatusBadgeProps) {
  const label = status.charAt(0).toUpperCase() + status.slice(1);
  return <Badge tone={status === 'active' ? 'success' : 'neutral'}>{label}</Badge>;
}
