import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral.schema.js';
import { assertTransition, canTransition } from './transitions.js';

// The lifecycle of docs/api.md "Referrals", written out independently of the table under test.
const ALLOWED = new Set([
  'submitted>accepted',
  'submitted>rejected',
  'submitted>in_review',
  'in_review>accepted',
  'in_review>rejected',
  'accepted>meeting_booked',
  'accepted>proposal_sent',
  'accepted>closed_won',
  'accepted>closed_lost',
  'meeting_booked>proposal_sent',
  'meeting_booked>closed_won',
  'meeting_booked>closed_lost',
  'proposal_sent>closed_won',
  'proposal_sent>closed_lost',
]);

const everyPair: [ReferralStatus, ReferralStatus, boolean][] = REFERRAL_STATUSES.flatMap((from) =>
  REFERRAL_STATUSES.map((to): [ReferralStatus, ReferralStatus, boolean] => [
    from,
    to,
    ALLOWED.has(`${from}>${to}`),
  ]),
);

describe('the referral lifecycle', () => {
  it.each(everyPair)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(ConflictError);
  });

  it('explains a refused move with what is possible instead', () => {
    expect(() => assertTransition('proposal_sent', 'accepted')).toThrow(
      /from proposal_sent to accepted: from proposal_sent it can move to closed_won, closed_lost/,
    );
    expect(() => assertTransition('closed_won', 'closed_lost')).toThrow(/closed_won is final/);
  });
});
