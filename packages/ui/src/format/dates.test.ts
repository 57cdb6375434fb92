import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.js';

const inLosAngeles = { locale: 'en-US', timeZone: 'America/Los_Angeles' };

describe('dates', () => {
  it('show a day and a moment in the medium style of the locale, in its time zone', () => {
    expect(formatDate('2026-11-22T16:05:00.000Z', { locale: 'en-GB', timeZone: 'Europe/London' })).toBe(
      '22 Nov 2026',
    );
    expect(formatDateTime('2026-11-22T16:05:00.000Z', inLosAngeles)).toBe('Nov 22, 2026, 8:05 AM');
    expect(formatDate(new Date('2026-11-23T02:00:00.000Z'), inLosAngeles)).toBe('Nov 22, 2026');
  });

  it('keep a calendar day the same day in every time zone', () => {
    expect(formatDate('2026-11-22', inLosAngeles)).toBe('Nov 22, 2026');
    expect(formatDate('2026-11-22', { locale: 'en-US', timeZone: 'Pacific/Kiritimati' })).toBe(
      'Nov 22, 2026',
    );
  });

  it('show a value that is not a date as it came', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('')).toBe('');
  });
});
