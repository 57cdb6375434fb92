import type { ReferralFilters } from './referral-filters.js';

/** The filters the server is asked to apply: what the pipeline shows, and so what its CSV export must ask for. */
// A type rather than an interface: it is passed where a record of query parameters is expected.
export type AppliedReferralFilters = {
  trackId?: string;
  /** Table only: the board shows every stage. */
  status?: string;
  fraudDecision?: 'allow' | 'review' | 'block';
  slaBreached?: true;
  search?: string;
};

/**
 * The filters of the view on screen. The board always shows one track, the chosen one or else `boardTrackId` (the
 * first), and every stage; the table shows the chosen track (or all) and the chosen stage (or all). The board,
 * the table and the export all take their filters from here, so the export holds exactly what is shown.
 */
export function appliedReferralFilters(
  filters: ReferralFilters,
  boardTrackId: string | undefined,
): AppliedReferralFilters {
  const isBoard = filters.view !== 'table';
  const trackId = isBoard ? (filters.trackId ?? boardTrackId) : filters.trackId;
  return {
    ...(trackId ? { trackId } : {}),
    ...(!isBoard && filters.status ? { status: filters.status } : {}),
    ...(filters.fraudDecision ? { fraudDecision: filters.fraudDecision } : {}),
    ...(filters.slaBreached ? { slaBreached: true as const } : {}),
    ...(filters.search ? { search: filters.search } : {}),
  };
}
