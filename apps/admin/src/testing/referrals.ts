import type { ReferralDetail } from '../api/types.js';

/** A referral as `admin.referrals.byId` answers it: held for review by a free-mail flag, not yet decided. */
export const heldReferral = {
  id: 'r1',
  status: 'in_review',
  track: { id: 't1', slug: 'enterprise', name: 'Enterprise', slaHours: 24 },
  company: { id: 'c1', name: 'Hooli', domain: 'hooli.example', submittedName: 'Hooli' },
  participant: { id: 'p1', name: 'Pat Referrer', email: 'pat@example.com' },
  owner: null,
  contacts: [{ id: 'k1', name: 'Dana', email: 'dana@gmail.example', title: null, role: 'champion' }],
  answers: [],
  note: null,
  fraud: {
    score: 45,
    decision: 'review',
    flags: [
      {
        rule: 'fraud',
        code: 'free_mail',
        message: 'A contact uses a free-mail address',
        score: 45,
        evidence: {},
      },
    ],
  },
  slaDueAt: null,
  slaBreachedAt: null,
  duplicateOfId: null,
  createdAt: '2026-11-22T00:00:00.000Z',
  updatedAt: '2026-11-22T00:00:00.000Z',
  history: [],
  notes: [],
  allowedTransitions: ['accepted', 'rejected'],
  moveRefusal: null,
  isHeldForReview: true,
} satisfies ReferralDetail;
