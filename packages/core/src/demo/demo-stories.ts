import type { ReferralStatus } from '../referrals/referral.schema.js';

// The made-up introductions of the demo program. Companies are on `.example` domains (reserved: they never resolve),
// like every demo address but the one free-mail contact the contact e-mail fraud rule must see.

/** One move of a referral after its submission: the status and how long after the previous step it happened. */
export interface DemoStep {
  to: ReferralStatus;
  afterHours: number;
  reason?: string;
}

/** One introduction of the demo and what became of it. */
export interface DemoStory {
  /** The `key` of one of the demo referrers. */
  referrer: string;
  company: { name: string; domain: string };
  /** Days before the seed that the referral was submitted. */
  daysAgo: number;
  contactCount: 2 | 3 | 4;
  note: string;
  /** The scope answer of the intake form. */
  need: string;
  steps: readonly DemoStep[];
  /** Address of the first contact, when it must not be at the company's domain (the free-mail case). */
  firstContactEmail?: string;
}

const accept = (afterHours: number): DemoStep => ({
  to: 'accepted',
  afterHours,
  reason: 'Good fit: routed to sales',
});
const meeting = (afterDays: number): DemoStep => ({
  to: 'meeting_booked',
  afterHours: afterDays * 24,
  reason: 'Discovery call booked with the champion',
});
const proposal = (afterDays: number): DemoStep => ({
  to: 'proposal_sent',
  afterHours: afterDays * 24,
  reason: 'Proposal and security questionnaire sent',
});
const won = (afterDays: number): DemoStep => ({
  to: 'closed_won',
  afterHours: afterDays * 24,
  reason: 'Contract signed',
});
const lost = (afterDays: number, reason: string): DemoStep => ({
  to: 'closed_lost',
  afterHours: afterDays * 24,
  reason,
});

/**
 * The demo's introductions, covering every stage: won and lost deals from about two months ago,
 * deals in flight, fresh submissions (some past their SLA), two held by fraud rules and two turned down.
 * Employee referrals are accepted by their track on submission, so their steps start after acceptance.
 */
export const DEMO_STORIES: readonly DemoStory[] = [
  {
    referrer: 'sofia',
    company: { name: 'Meridian Insurance Group', domain: 'meridian-insurance.example' },
    daysAgo: 58,
    contactCount: 4,
    note: 'We run their claims portal. Their COO wants one place to track broker introductions.',
    need: 'Broker referral program across 14 regional offices',
    steps: [accept(4), meeting(3), proposal(10), won(20)],
  },
  {
    referrer: 'priya',
    company: { name: 'Brightwater Foods', domain: 'brightwater-foods.example' },
    daysAgo: 57,
    contactCount: 3,
    note: 'Met their head of growth at a logistics meetup; they track partner leads in spreadsheets today.',
    need: 'Distributor referrals with approval before payout',
    steps: [accept(20), meeting(4), proposal(9), won(16)],
  },
  {
    referrer: 'daniel',
    company: { name: 'Pinecrest University', domain: 'pinecrest-university.example' },
    daysAgo: 55,
    contactCount: 3,
    note: 'Alumni relations team asked us for a referral tool for their corporate partners.',
    need: 'Corporate partner introductions for the continuing-education office',
    steps: [accept(22), meeting(8), lost(21, 'Budget frozen until the next fiscal year')],
  },
  {
    referrer: 'marcus',
    company: { name: 'Halcyon Health Partners', domain: 'halcyon-health.example' },
    daysAgo: 52,
    contactCount: 3,
    note: 'Their IT director is unhappy with their current partner portal.',
    need: 'Replace a homegrown partner portal',
    steps: [accept(30), meeting(6), proposal(12), lost(14, 'Renewed their incumbent tool for another year')],
  },
  {
    referrer: 'olivia',
    company: { name: 'Harborview Dental Group', domain: 'harborview-dental.example' },
    daysAgo: 28,
    contactCount: 2,
    note: 'My former manager runs operations there now.',
    need: 'Patient referral rewards for 30 practices',
    steps: [meeting(2), proposal(7), won(12)],
  },
  {
    referrer: 'hannah',
    company: { name: 'Ironbark Energy', domain: 'ironbark-energy.example' },
    daysAgo: 47,
    contactCount: 4,
    note: 'We built their installer app; they want installers to refer commercial customers.',
    need: 'Installer network referrals with tiered rewards',
    steps: [accept(3), meeting(4), proposal(11), won(14)],
  },
  {
    referrer: 'elena',
    company: { name: 'Orbital Freight', domain: 'orbital-freight.example' },
    daysAgo: 44,
    contactCount: 3,
    note: 'Their CFO asked me how we run our customer referral program.',
    need: 'Customer advocacy program for the enterprise segment',
    steps: [accept(6), meeting(5), proposal(8)],
  },
  {
    referrer: 'raj',
    company: { name: 'Lakeshore Logistics', domain: 'lakeshore-logistics.example' },
    daysAgo: 40,
    contactCount: 3,
    note: 'Joint customer on our cloud migration practice; procurement is already involved.',
    need: 'Reseller referrals synced to Salesforce',
    steps: [accept(18), meeting(6), proposal(9)],
  },
  {
    referrer: 'tom',
    company: { name: 'Quarry Lane Architects', domain: 'quarrylane.example' },
    daysAgo: 38,
    contactCount: 2,
    note: 'Small studio, but the founder is keen.',
    need: 'Client referrals for a 12-person studio',
    steps: [{ to: 'rejected', afterHours: 26, reason: 'Below our minimum deal size (under 20 seats)' }],
  },
  {
    referrer: 'jonas',
    company: { name: 'Kestrel Aviation Services', domain: 'kestrel-aviation.example' },
    daysAgo: 26,
    contactCount: 3,
    note: 'Their platform team evaluated us last year; new VP Sales since then.',
    need: 'Partner-sourced pipeline tracking for MRO services',
    steps: [meeting(5), proposal(10), lost(9, 'Lost on price to a bundled CRM add-on')],
  },
  {
    referrer: 'priya',
    company: { name: 'Maple & Finch Retail', domain: 'maplefinch.example' },
    daysAgo: 31,
    contactCount: 3,
    note: 'They want to reward store managers who bring in B2B accounts.',
    need: 'Employee and client referrals for the B2B division',
    steps: [accept(52), meeting(7)],
  },
  {
    referrer: 'sofia',
    company: { name: 'Nimbus Media', domain: 'nimbus-media.example' },
    daysAgo: 29,
    contactCount: 2,
    note: 'Marketing agency, asked about white-labelling.',
    need: 'White-label referral portal for their own clients',
    steps: [{ to: 'rejected', afterHours: 8, reason: 'Asks for white-labelling, which we do not offer' }],
  },
  {
    referrer: 'amara',
    company: { name: 'Redwood Legal', domain: 'redwood-legal.example' },
    daysAgo: 27,
    contactCount: 3,
    note: 'A customer of ours recommended us to their managing partner.',
    need: 'Client introduction tracking for partners of the firm',
    steps: [meeting(3), proposal(6)],
  },
  {
    referrer: 'daniel',
    company: { name: 'Bluefin Robotics', domain: 'bluefin-robotics.example' },
    daysAgo: 24,
    contactCount: 4,
    note: 'Series B, building out a channel team this quarter.',
    need: 'Channel partner program from scratch',
    steps: [accept(14), meeting(5)],
  },
  {
    referrer: 'elena',
    company: { name: 'Sundial Analytics', domain: 'sundial-analytics.example' },
    daysAgo: 19,
    contactCount: 2,
    note: 'Their RevOps lead asked for an intro after our case study.',
    need: 'Customer referrals with CRM attribution',
    steps: [accept(10)],
  },
  {
    referrer: 'hannah',
    company: { name: 'Silverleaf Hotels', domain: 'silverleaf-hotels.example' },
    daysAgo: 15,
    contactCount: 3,
    note: 'Hotel group with a corporate travel sales team.',
    need: 'Corporate travel referrals from existing accounts',
    steps: [accept(9)],
  },
  {
    referrer: 'olivia',
    company: { name: 'Oakfield Schools Trust', domain: 'oakfield-schools.example' },
    daysAgo: 12,
    contactCount: 3,
    note: 'Trust of 9 schools; procurement runs through the central office.',
    need: 'Supplier referrals for the trust',
    steps: [meeting(4)],
  },
  {
    // A second partner names a company already referred in the track: the duplicate rules hold it for review.
    referrer: 'raj',
    company: { name: 'Bluefin Robotics', domain: 'bluefin-robotics.example' },
    daysAgo: 9,
    contactCount: 2,
    note: 'Met their CRO at a cloud summit; they are choosing a partner platform.',
    need: 'Partner platform selection',
    steps: [],
  },
  {
    referrer: 'elena',
    company: { name: 'Tidewater Credit Union', domain: 'tidewater-cu.example' },
    daysAgo: 6,
    contactCount: 3,
    note: 'Their member-growth team is looking at business referrals.',
    need: 'Business member referrals',
    steps: [],
  },
  {
    referrer: 'jonas',
    company: { name: 'Summit Outdoor Co.', domain: 'summit-outdoor.example' },
    daysAgo: 4,
    contactCount: 2,
    note: 'Friend from my previous company leads IT there.',
    need: 'Wholesale partner referrals',
    steps: [],
  },
  {
    // The buyer wrote from a personal mailbox: the contact e-mail rule holds it for review.
    referrer: 'tom',
    company: { name: 'Verdant Labs', domain: 'verdant-labs.example' },
    daysAgo: 3,
    contactCount: 2,
    note: 'Founder reached out to me directly; only have his personal email so far.',
    need: 'Referral program for a lab equipment marketplace',
    steps: [],
    firstContactEmail: 'verdant.founder.demo@gmail.com',
  },
  {
    referrer: 'sofia',
    company: { name: 'Granite Peak Software', domain: 'granitepeak.example' },
    daysAgo: 2,
    contactCount: 3,
    note: 'Existing consulting client; their VP Partnerships asked for a demo.',
    need: 'Technology partner referrals',
    steps: [],
  },
  {
    referrer: 'amara',
    company: { name: 'Alder & Stone Accounting', domain: 'alderstone.example' },
    daysAgo: 1,
    contactCount: 2,
    note: 'Their practice lead attended our webinar.',
    need: 'Client referrals between accounting partners',
    steps: [],
  },
  {
    referrer: 'priya',
    company: { name: 'Copperline Manufacturing', domain: 'copperline-mfg.example' },
    daysAgo: 0.5,
    contactCount: 3,
    note: 'Just had lunch with their COO: they want to see a demo next week.',
    need: 'Distributor and dealer referrals',
    steps: [],
  },
];
