import { isReferralStage } from '@warmpath/ui';

/** The pipeline's view and filters, kept in the address so a filtered view can be shared and survives reloads. */
export interface ReferralFilters {
  /** Board (the default) or table. */
  view?: 'board' | 'table' | undefined;
  trackId?: string | undefined;
  status?: string | undefined;
  fraudDecision?: 'allow' | 'review' | 'block' | undefined;
  slaBreached?: boolean | undefined;
  search?: string | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, 200) : undefined;
}

/** Reads the filters from the address, dropping anything that is not a valid value. */
export function parseReferralFilters(search: Record<string, unknown>): ReferralFilters {
  const status = text(search.status);
  const fraudDecision = text(search.fraudDecision);
  return {
    view: search.view === 'table' ? 'table' : undefined,
    trackId: text(search.trackId),
    status: status && isReferralStage(status) ? status : undefined,
    fraudDecision:
      fraudDecision === 'allow' || fraudDecision === 'review' || fraudDecision === 'block'
        ? fraudDecision
        : undefined,
    slaBreached: search.slaBreached === true || search.slaBreached === 'true' ? true : undefined,
    search: text(search.search),
  };
}
