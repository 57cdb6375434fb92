import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../api/types.js';
import { ActivityChart } from './activity-chart.js';

// The dashboard asks for whole UTC days with an exclusive end: 30 days up to and including Dec 7.
const summary = {
  from: '2026-11-08T00:00:00.000Z',
  to: '2026-12-08T00:00:00.000Z',
  bucket: 'day',
  buckets: [
    { start: '2026-11-08T00:00:00.000Z', referrals: 1, clicks: 3 },
    { start: '2026-12-07T00:00:00.000Z', referrals: 2, clicks: 5 },
  ],
} as unknown as DashboardSummary;

describe('the activity chart', () => {
  it('names the first and the last day it counts, not the day after', () => {
    render(<ActivityChart summary={summary} />);
    expect(screen.getByText(/3 referrals and 8 link clicks/).textContent).toContain(
      'from Nov 8, 2026 to Dec 7, 2026, by day',
    );
  });

  it('labels each day as the UTC day it counts, wherever the reader is', () => {
    render(<ActivityChart summary={summary} />);
    expect(screen.getByRole('rowheader', { name: 'Nov 8, 2026' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Dec 7, 2026' })).toBeTruthy();
  });
});
