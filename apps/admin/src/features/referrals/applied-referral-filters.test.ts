import { describe, expect, it } from 'vitest';
import { csvExportHref } from '../exports/csv-export-link.js';
import { appliedReferralFilters } from './applied-referral-filters.js';

describe('the filters the pipeline applies', () => {
  it('on the board: the track shown (the first when none is chosen), every stage, and the other filters', () => {
    expect(appliedReferralFilters({ status: 'accepted', search: 'acme' }, 'first-track')).toEqual({
      trackId: 'first-track',
      search: 'acme',
    });
    expect(
      appliedReferralFilters({ view: 'board', trackId: 'chosen', fraudDecision: 'review' }, 'first-track'),
    ).toEqual({ trackId: 'chosen', fraudDecision: 'review' });
  });

  it('in the table: the chosen track and stage, or all of them', () => {
    expect(appliedReferralFilters({ view: 'table' }, 'first-track')).toEqual({});
    expect(
      appliedReferralFilters(
        { view: 'table', trackId: 't2', status: 'accepted', slaBreached: true },
        'first-track',
      ),
    ).toEqual({ trackId: 't2', status: 'accepted', slaBreached: true });
  });

  it('make the export link of the board ask for the board’s track', () => {
    expect(csvExportHref({ list: 'referrals', filters: appliedReferralFilters({}, 'first-track') })).toBe(
      '/admin/export/referrals.csv?trackId=first-track',
    );
  });
});
