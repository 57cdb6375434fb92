import { describe, expect, it } from 'vitest';
import { csvExportHref } from './csv-export-link.js';

describe('CSV export links', () => {
  it('carry the filters shown, leaving out empty ones', () => {
    expect(
      csvExportHref({
        list: 'referrals',
        filters: {
          trackId: 't1',
          status: undefined,
          search: 'acme & co',
          slaBreached: true,
          fraudDecision: '',
        },
      }),
    ).toBe('/admin/export/referrals.csv?trackId=t1&search=acme+%26+co&slaBreached=true');
    expect(csvExportHref({ list: 'participants', filters: {} })).toBe('/admin/export/participants.csv');
  });
});
