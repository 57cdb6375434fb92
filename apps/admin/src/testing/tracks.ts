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

/**
 * A track whose routing was set over the REST API: a rule on a number question with a number value, a pool to
 * share out among, and a rule on a question the form no longer has.
 */
export const pooledTrack = {
  ...enterpriseTrack,
  id: 't2',
  slug: 'pooled',
  name: 'Pooled',
  routing: {
    rules: [
      { field: 'seats', equals: 500, ownerId: 'u-grace' },
      { field: 'region', equals: 'EMEA', ownerId: 'u-ada' },
      { field: 'legacyFlag', equals: true, ownerId: 'u-ada' },
    ],
    fallback: 'round_robin',
    pool: ['u-grace', 'u-ada'],
  },
} satisfies Track;

/** A track as the demo seeds it: no portal copy of its own, so the portal shows its defaults. */
export const seededTrack = {
  ...enterpriseTrack,
  id: 't3',
  slug: 'clients',
  name: 'Clients',
  routing: { rules: [], fallback: 'round_robin' },
  portalCopy: {},
} satisfies Track;
