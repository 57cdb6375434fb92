import { describe, expect, it } from 'vitest';
import { portalReferralSchema, toPortalReferral } from './portal-projection.js';
import { REFERRAL_STATUSES, type Referral } from './referral.schema.js';

const staff = { type: 'user' as const, id: '0190a000-0000-7000-8000-0000000000aa' };

function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    track: 'clients',
    participantId: '0190a000-0000-7000-8000-000000000002',
    status: 'meeting_booked',
    company: {
      id: '0190a000-0000-7000-8000-000000000003',
      name: 'Acme',
      domain: 'acme.com',
      submittedName: 'Acme Inc.',
    },
    contacts: [
      {
        id: '0190a000-0000-7000-8000-000000000004',
        name: 'Ann Buyer',
        email: 'ann@acme.com',
        title: 'CFO',
        role: 'economic_buyer',
      },
    ],
    answers: { budgetRange: 'Over $250k', internalScore: 9 },
    note: 'They are unhappy with their vendor',
    fraud: {
      score: 45,
      decision: 'review',
      flags: [{ code: 'velocity.day', message: 'Many referrals today' }],
    },
    slaDueAt: '2026-06-03T00:00:00.000Z',
    createdAt: '2026-06-01T00:00:00.000Z',
    history: [
      { status: 'submitted', at: '2026-06-01T00:00:00.000Z', actor: { type: 'api_key', id: 'k1' } },
      {
        status: 'in_review',
        at: '2026-06-01T01:00:00.000Z',
        actor: staff,
        reason: 'fraud (score 45): velocity.day',
      },
      { status: 'accepted', at: '2026-06-02T00:00:00.000Z', actor: staff, reason: 'Checked by phone' },
      { status: 'meeting_booked', at: '2026-06-05T00:00:00.000Z', actor: staff },
    ],
    ownerId: staff.id,
    duplicateOfId: '0190a000-0000-7000-8000-000000000009',
    ...overrides,
  };
}

const FORBIDDEN_KEYS = [
  'ownerId',
  'owner',
  'note',
  'notes',
  'fraud',
  'flags',
  'evidence',
  'score',
  'answers',
  'dealAmount',
  'dealAmountMinor',
  'deal_amount_minor',
  'dealCurrency',
  'email',
  'title',
  'actor',
  'reason',
  'duplicateOfId',
  'slaDueAt',
  'participantId',
];

function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      found.add(key);
      keysOf(item, found);
    }
  }
  return found;
}

describe('the portal projection of a referral', () => {
  it('shows the referrer only the track, status, company (as they named it), contact names and roles, and dated stages', () => {
    const projected = toPortalReferral(referral(), REFERRAL_STATUSES);
    expect(portalReferralSchema.parse(projected)).toEqual(projected);
    expect(projected).toEqual({
      id: '0190a000-0000-7000-8000-000000000001',
      track: 'clients',
      status: 'meeting_booked',
      company: { name: 'Acme Inc.', domain: 'acme.com' },
      contacts: [{ name: 'Ann Buyer', role: 'economic_buyer' }],
      createdAt: '2026-06-01T00:00:00.000Z',
      history: [
        { status: 'submitted', at: '2026-06-01T00:00:00.000Z' },
        { status: 'in_review', at: '2026-06-01T01:00:00.000Z' },
        { status: 'accepted', at: '2026-06-02T00:00:00.000Z' },
        { status: 'meeting_booked', at: '2026-06-05T00:00:00.000Z' },
      ],
    });
  });

  it('never serialises owner, notes, fraud data, answers, deal amounts, emails or who acted', () => {
    // Even if the full shape grows internal fields, the projection is an allow-list.
    const withDeal = { ...referral(), dealAmountMinor: 5_000_000, dealCurrency: 'USD' } as Referral;
    const serialised = JSON.parse(JSON.stringify(toPortalReferral(withDeal, REFERRAL_STATUSES)));
    const keys = keysOf(serialised);
    for (const key of FORBIDDEN_KEYS) expect(keys.has(key), key).toBe(false);
    const text = JSON.stringify(serialised);
    for (const secret of [
      'ann@acme.com',
      'unhappy',
      'velocity',
      'Over $250k',
      'Checked by phone',
      staff.id,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reports a hidden stage as the last visible stage reached, and leaves hidden stages out of the history', () => {
    const visible = ['submitted', 'accepted', 'closed_won', 'closed_lost', 'rejected'] as const;
    const projected = toPortalReferral(referral(), visible);
    expect(projected.status).toBe('accepted');
    expect(projected.history.map((entry) => entry.status)).toEqual(['submitted', 'accepted']);
  });

  it('reports a referral that reached no visible stage yet as submitted, with its submission as the history', () => {
    const projected = toPortalReferral(
      referral({ status: 'in_review', history: referral().history.slice(1, 2) }),
      ['accepted', 'closed_won'],
    );
    expect(projected.status).toBe('submitted');
    expect(projected.history).toEqual([{ status: 'submitted', at: '2026-06-01T00:00:00.000Z' }]);
  });

  it('always ends the history with the stage it reports', () => {
    const stages = [
      ['accepted', 'closed_won'],
      ['submitted', 'closed_won'],
      ['meeting_booked'],
      ['in_review', 'proposal_sent'],
      [],
    ] as const;
    for (const visible of stages) {
      const projected = toPortalReferral(referral(), visible);
      expect(projected.history.at(-1)?.status, visible.join()).toBe(projected.status);
    }
  });
});
