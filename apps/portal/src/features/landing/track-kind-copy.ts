/** Who a track of each kind is for, until each track carries its own portal copy. */
export function trackKindAudience(kind: string): string {
  switch (kind) {
    case 'client':
      return 'For customers who know peers facing the same challenges.';
    case 'partner':
      return 'For partners bringing in opportunities from their own network.';
    case 'employee':
      return 'For team members introducing companies they know.';
    default:
      return 'Introduce a company and follow how the introduction goes.';
  }
}
