import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { heldReferral } from '../../testing/referrals.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { ReferralTransitionForm } from './referral-transition-form.js';

const HOLD =
  'Fraud rules hold this referral for review: only someone with referrals:review (an owner, admin or manager) can move it, by approving or rejecting it in the review queue';

describe('moving a referral', () => {
  it('says that a fraud hold is why the move was refused, in the server’s words', async () => {
    new FakeTrpcServer()
      .on('admin.referrals.transition', () => {
        throw new FakeTrpcError('FORBIDDEN', HOLD, [], HOLD);
      })
      .install();
    renderWithClient(<ReferralTransitionForm referral={heldReferral} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move referral' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(HOLD);
    expect(alert.textContent).not.toContain('Your role does not allow this');
  });

  it('offers no move, and says why, when the server says this person may not move it now', async () => {
    renderWithClient(
      <ReferralTransitionForm referral={{ ...heldReferral, allowedTransitions: [], moveRefusal: HOLD }} />,
    );
    expect(screen.queryByRole('button', { name: 'Move referral' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Move to' })).toBeNull();
    expect(screen.getByText(`${HOLD}.`)).toBeTruthy();
    expect(screen.queryByText(/closed/)).toBeNull();
  });

  it('keeps the role message when the role alone refused', async () => {
    new FakeTrpcServer()
      .on('admin.referrals.transition', () => {
        throw new FakeTrpcError('FORBIDDEN', 'Your role does not allow this');
      })
      .install();
    renderWithClient(<ReferralTransitionForm referral={heldReferral} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move referral' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your role does not allow this');
  });
});
