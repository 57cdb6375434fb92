import type { Track } from '../api/types.js';

/** A track as `admin.tracks.byId` answers it: two questions, one routing rule, three stages shown to referrers. */
export const enterpriseTrack = {
  id: 't1',
  slug: 'enterprise',
  name: 'Enterprise',
  kind: 'client',
  status: 'active',
  landingUrl: 'https://example.com/',
  allowedDestinations: ['https://example.com/pricing'],
  attributionWindowDays: 60,
  autoAccept: false,
  slaHours: 24,
  form: {
    fields: [
      { key: 'region', label: 'Region', type: 'select', required: true, options: ['EMEA', 'Americas'] },
      { key: 'seats', label: 'Seats', type: 'number', required: false },
    ],
  },
  fraudThresholds: { review: 40, block: 80 },
  routing: { rules: [{ field: 'region', equals: 'EMEA', ownerId: 'u-ada' }], fallback: 'none' },
  referrerVisibleStages: ['submitted', 'accepted', 'closed_won'],
  portalCopy: { headline: 'Refer a bank', primaryColor: '#c2410c' },
  selfEnrolment: true,
  createdAt: '2026-11-22T00:00:00.000Z',
  updatedAt: '2026-11-22T00:00:00.000Z',
} satisfies Track;
