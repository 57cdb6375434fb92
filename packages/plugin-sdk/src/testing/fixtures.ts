import type { Participant } from '../dto/participant.schema.js';
import type { Company, Contact, Referral } from '../dto/referral.schema.js';
import type { Track } from '../dto/track.schema.js';
import type { Conversion, Touchpoint } from '../extension-points/attribution.schema.js';
import type {
  CompanyStatus,
  FraudContext,
  FraudHistory,
  FraudSubmission,
  LandingClick,
  PriorReferral,
} from '../extension-points/fraud.schema.js';

/**
 * Sample data for plugin tests: valid, deterministic, and overridable field by field.
 * Ids are fixed so results can be compared across runs.
 */

/** A target company (`acme.example`). */
export function sampleCompany(overrides: Partial<Company> = {}): Company {
  return { id: 'company-acme', name: 'Acme Corp', domain: 'acme.example', ...overrides };
}

/** A contact at the sample company. */
export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'contact-dana',
    name: 'Dana Buyer',
    email: 'dana@acme.example',
    title: 'VP Engineering',
    role: 'decision_maker',
    ...overrides,
  };
}

/** A referral of the sample company by the sample participant. */
export function sampleReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'referral-1',
    trackId: 'track-partners',
    participantId: 'participant-riley',
    companyId: 'company-acme',
    status: 'submitted',
    answers: { budget: '50k', timeline: 'Q3' },
    note: 'Met them at a conference',
    createdAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A participant working at `partner.example`. */
export function sampleParticipant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 'participant-riley',
    email: 'riley@partner.example',
    name: 'Riley Partner',
    title: 'Consultant',
    companyId: 'company-partner',
    createdAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A partner track. */
export function sampleTrack(overrides: Partial<Track> = {}): Track {
  return {
    id: 'track-partners',
    slug: 'partners',
    name: 'Partners',
    kind: 'partner',
    attributionWindowDays: 90,
    autoAccept: false,
    ...overrides,
  };
}

/** An earlier referral of the sample company in the sample track, by another participant, 30 days before. */
export function samplePriorReferral(overrides: Partial<PriorReferral> = {}): PriorReferral {
  return {
    id: 'referral-0',
    trackId: 'track-partners',
    participantId: 'participant-casey',
    companyId: 'company-acme',
    status: 'accepted',
    createdAt: '2025-12-02T09:00:00.000Z',
    contactEmails: ['dana@acme.example'],
    ...overrides,
  };
}

/** The referral-link click that led to the sample referral, without ad click ids. */
export function sampleLandingClick(overrides: Partial<LandingClick> = {}): LandingClick {
  return {
    id: 'click-1',
    occurredAt: '2026-01-01T08:55:00.000Z',
    queryParams: { utm_source: 'newsletter' },
    ...overrides,
  };
}

/** A browser submission from `203.0.113.7` with one link click from it in the hour before; without an IP, none. */
function sampleSubmission(patch: Partial<FraudSubmission> = {}): FraudSubmission {
  const ip = patch.ip === undefined ? '203.0.113.7' : patch.ip;
  return {
    ip,
    userAgent: 'Mozilla/5.0',
    ipHash: ip === null ? null : 'iphash-7f3a9c',
    clicksFromIpHashLastHour: ip === null ? 0 : 1,
    ...patch,
  };
}

/** Parts of a fraud context to replace; each part is merged over the sample. */
export interface FraudContextPatch {
  referral?: Partial<Referral>;
  company?: Partial<Company>;
  contacts?: Contact[];
  participant?: Partial<Participant>;
  track?: Partial<Track>;
  history?: Partial<FraudHistory>;
  submission?: Partial<FraudSubmission>;
  priorReferrals?: PriorReferral[];
  companyStatus?: Partial<CompanyStatus>;
  /** Merged over {@link sampleLandingClick}; `null` for a submission no click led to. */
  landingClick?: Partial<LandingClick> | null;
}

/**
 * An unremarkable submission: another company's partner referring one contact at `acme.example`, a company that
 * is not a customer and was never referred before, through a plain referral-link click.
 */
export function sampleFraudContext(patch: FraudContextPatch = {}): FraudContext {
  return {
    referral: sampleReferral(patch.referral),
    company: sampleCompany(patch.company),
    contacts: patch.contacts ?? [sampleContact()],
    participant: sampleParticipant(patch.participant),
    track: sampleTrack(patch.track),
    history: {
      participantReferralsLast24h: 0,
      participantReferralsLast30d: 2,
      participantRejectedLast90d: 0,
      companyReferralsLast90d: 0,
      ...patch.history,
    },
    submission: sampleSubmission(patch.submission),
    priorReferrals: patch.priorReferrals ?? [],
    companyStatus: { isCustomer: false, customerSince: null, ...patch.companyStatus },
    landingClick: patch.landingClick === null ? null : sampleLandingClick(patch.landingClick),
  };
}

/** A touchpoint for the sample referral at `occurredAt`. */
export function sampleTouchpoint(
  id: string,
  occurredAt: string,
  overrides: Partial<Touchpoint> = {},
): Touchpoint {
  return {
    id,
    kind: 'click',
    occurredAt,
    participantId: 'participant-riley',
    referralId: 'referral-1',
    companyId: 'company-acme',
    channel: null,
    properties: {},
    ...overrides,
  };
}

/** A closed-won conversion of the sample company. */
export function sampleConversion(overrides: Partial<Conversion> = {}): Conversion {
  return {
    id: 'conversion-1',
    kind: 'closed_won',
    occurredAt: '2026-03-01T00:00:00.000Z',
    companyId: 'company-acme',
    opportunityId: 'opportunity-1',
    amount: 5_000_000,
    currency: 'USD',
    ...overrides,
  };
}
