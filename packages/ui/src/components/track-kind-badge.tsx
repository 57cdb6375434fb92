import { Badge, type BadgeTone } from './badge.js';

/** The kinds of referral track (docs/architecture.md "Domain"). */
export type TrackKind = 'client' | 'partner' | 'employee' | 'custom';

const kindPresentation: Record<TrackKind, { label: string; tone: BadgeTone }> = {
  client: { label: 'Client', tone: 'info' },
  partner: { label: 'Partner', tone: 'accent' },
  employee: { label: 'Employee', tone: 'success' },
  custom: { label: 'Custom', tone: 'neutral' },
};

function isTrackKind(kind: string): kind is TrackKind {
  return Object.hasOwn(kindPresentation, kind);
}

/** The human name of a track kind; a kind this version does not know is shown as it is. */
export function trackKindLabel(kind: string): string {
  return isTrackKind(kind) ? kindPresentation[kind].label : kind;
}

/** Props of {@link TrackKindBadge}. */
export interface TrackKindBadgeProps {
  kind: string;
}

/** A badge naming a track's kind, coloured per kind so lists can be scanned. */
export function TrackKindBadge({ kind }: TrackKindBadgeProps) {
  return (
    <Badge tone={isTrackKind(kind) ? kindPresentation[kind].tone : 'neutral'}>{trackKindLabel(kind)}</Badge>
  );
}
