/**
 * The made-up referrers of the demo program. Every domain ends in `.example` (reserved: it never resolves, so no demo
 * address can reach a real mailbox).
 */

/** A referrer of the demo, enrolled in one track. */
export interface DemoReferrer {
  key: string;
  name: string;
  title: string;
  company: { name: string; domain: string };
  track: DemoTrackSlug;
  /** Relative share of the track's link clicks. */
  clickWeight: number;
}

export type DemoTrackSlug = 'clients' | 'partners' | 'employees';

const VENDOR = { name: 'Warmpath Demo Co', domain: 'warmpath-demo.example' };

export const DEMO_REFERRERS: readonly DemoReferrer[] = [
  {
    key: 'priya',
    name: 'Priya Raman',
    title: 'VP Operations',
    company: { name: 'Brightline Logistics', domain: 'brightline-logistics.example' },
    track: 'clients',
    clickWeight: 3,
  },
  {
    key: 'marcus',
    name: 'Marcus Webb',
    title: 'Head of IT',
    company: { name: 'Harbor & Pine Dental', domain: 'harborpine.example' },
    track: 'clients',
    clickWeight: 1,
  },
  {
    key: 'elena',
    name: 'Elena Sokolova',
    title: 'Chief Financial Officer',
    company: { name: 'Lumen Clinics', domain: 'lumenclinics.example' },
    track: 'clients',
    clickWeight: 2,
  },
  {
    key: 'tom',
    name: 'Tom Okafor',
    title: 'Director of Sales Operations',
    company: { name: 'Cedar Ridge Software', domain: 'cedarridge.example' },
    track: 'clients',
    clickWeight: 1,
  },
  {
    key: 'sofia',
    name: 'Sofia Marquez',
    title: 'Partner Manager',
    company: { name: 'Northstar Consulting', domain: 'northstar-consulting.example' },
    track: 'partners',
    clickWeight: 4,
  },
  {
    key: 'daniel',
    name: 'Daniel Kim',
    title: 'Principal',
    company: { name: 'Atlas Systems Integration', domain: 'atlas-si.example' },
    track: 'partners',
    clickWeight: 2,
  },
  {
    key: 'hannah',
    name: 'Hannah Berg',
    title: 'Founder',
    company: { name: 'Fjord Digital', domain: 'fjord-digital.example' },
    track: 'partners',
    clickWeight: 3,
  },
  {
    key: 'raj',
    name: 'Raj Patel',
    title: 'Alliances Lead',
    company: { name: 'Keystone Cloud Partners', domain: 'keystone-cloud.example' },
    track: 'partners',
    clickWeight: 2,
  },
  {
    key: 'olivia',
    name: 'Olivia Chen',
    title: 'Account Executive',
    company: VENDOR,
    track: 'employees',
    clickWeight: 2,
  },
  {
    key: 'jonas',
    name: 'Jonas Weber',
    title: 'Solutions Engineer',
    company: VENDOR,
    track: 'employees',
    clickWeight: 1,
  },
  {
    key: 'amara',
    name: 'Amara Diallo',
    title: 'Customer Success Manager',
    company: VENDOR,
    track: 'employees',
    clickWeight: 1,
  },
];

/**
 * The sales team the demo's referrals are routed to (round-robin, as a track without routing rules does). They
 * have no password, so nobody can sign in as them.
 */
export const DEMO_SALES_TEAM: readonly { name: string; role: 'sales' | 'manager' }[] = [
  { name: 'Jordan Reyes', role: 'sales' },
  { name: 'Mia Thompson', role: 'sales' },
  { name: 'Sam Novak', role: 'manager' },
];

/** The demo company's own domain: its employees' and sales team's addresses. */
export const DEMO_VENDOR_DOMAIN = VENDOR.domain;
