import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { staffMember } from '../../testing/staff.js';
import { AcceptInviteCard } from './accept-invite-card.js';

const ACCEPT = 'auth.acceptInvitation';
const invitation = {
  email: 'new.hire@example.com',
  name: 'New Hire',
  role: 'sales',
  expiresAt: '2026-12-14T10:00:00.000Z',
};

function renderCard(server: FakeTrpcServer) {
  server.install();
  const onAccepted = vi.fn();
  renderWithClient(<AcceptInviteCard token="tok123" onAccepted={onAccepted} />);
  return { onAccepted, user: userEvent.setup() };
}

async function typePasswords(
  user: ReturnType<typeof userEvent.setup>,
  password: string,
  confirmation = password,
) {
  await user.type(await screen.findByLabelText(/^New password/), password);
  await user.type(screen.getByLabelText(/^Confirm password/), confirmation);
}

describe('accepting a staff invitation', () => {
  it('says who is invited as what, then creates the account with the chosen name and password and signs in', async () => {
    const server = new FakeTrpcServer()
      .on('auth.invitationPreview', () => invitation)
      .on(ACCEPT, () => ({ user: staffMember('sales', 'Nina Hire') }));
    const { onAccepted, user } = renderCard(server);
    expect(
      await screen.findByText(/invited .* as Sales, with the email new\.hire@example\.com/),
    ).toBeTruthy();
    const name = screen.getByRole('textbox', { name: /Your name/ });
    expect(name).toHaveProperty('value', 'New Hire');
    await user.clear(name);
    await user.type(name, 'Nina Hire');
    await typePasswords(user, 'a long password 1');
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    await expect.poll(() => onAccepted.mock.calls.length).toBe(1);
    expect(server.inputsOf(ACCEPT)).toEqual([
      { token: 'tok123', name: 'Nina Hire', password: 'a long password 1' },
    ]);
  });

  it('sends nothing while the two passwords differ, and shows the server’s password rule next to the field', async () => {
    const server = new FakeTrpcServer()
      .on('auth.invitationPreview', () => invitation)
      .on(ACCEPT, () => {
        throw new FakeTrpcError('BAD_REQUEST', 'Invalid input', [
          { path: 'password', message: 'Use at least 8 characters' },
        ]);
      });
    const { user } = renderCard(server);
    await typePasswords(user, 'short', 'shorter');
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    expect(screen.getByText('The two passwords differ. Type the same password twice.')).toBeTruthy();
    expect(server.inputsOf(ACCEPT)).toEqual([]);
    await user.type(screen.getByLabelText(/^Confirm password/), '{Backspace}{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
    expect(await screen.findByText('Use at least 8 characters')).toBeTruthy();
  });

  it('explains an expired link and what to do on the page the email links to, without a form', async () => {
    new FakeTrpcServer()
      .on('auth.invitationPreview', () => {
        throw new FakeTrpcError('BAD_REQUEST', 'This invitation has expired; ask for a new one', [
          { path: 'token', message: 'This invitation has expired; ask for a new one' },
        ]);
      })
      .install();
    renderConsoleAt('/accept-invite?token=tok123');
    expect(await screen.findByRole('heading', { name: 'This invitation cannot be used' })).toBeTruthy();
    expect(screen.getByText('This invitation has expired; ask for a new one.')).toBeTruthy();
    expect(screen.getByText(/Ask the owner or admin who invited you to send a new one/)).toBeTruthy();
    expect(screen.queryByLabelText(/^New password/)).toBeNull();
  });
});
