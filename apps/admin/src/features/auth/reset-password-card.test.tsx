import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { ResetPasswordCard } from './reset-password-card.js';

const RESET = 'auth.resetPassword';

function renderCard(server: FakeTrpcServer) {
  server.install();
  const onReset = vi.fn();
  renderWithClient(<ResetPasswordCard token="tok123" onReset={onReset} />);
  return { onReset, user: userEvent.setup() };
}

async function submitPassword(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(screen.getByLabelText(/^New password/), password);
  await user.type(screen.getByLabelText(/^Confirm password/), password);
  await user.click(screen.getByRole('button', { name: 'Set new password' }));
}

describe('choosing a new password from a reset link', () => {
  it('sets it and sends the person on to sign in', async () => {
    const server = new FakeTrpcServer().on(RESET, () => ({ ok: true }));
    const { onReset, user } = renderCard(server);
    await submitPassword(user, 'brand new password');
    await expect.poll(() => onReset.mock.calls.length).toBe(1);
    expect(server.inputsOf(RESET)).toEqual([{ token: 'tok123', password: 'brand new password' }]);
  });

  it('shows the password rule the service refused it by, next to the field', async () => {
    const server = new FakeTrpcServer().on(RESET, () => {
      throw new FakeTrpcError('BAD_REQUEST', 'Invalid input: Use at least 8 characters', [
        { path: '', message: 'Use at least 8 characters' },
      ]);
    });
    const { onReset, user } = renderCard(server);
    await submitPassword(user, 'short');
    expect(await screen.findByText('Use at least 8 characters')).toBeTruthy();
    expect(onReset).not.toHaveBeenCalled();
  });

  it('says when the link was used or has expired, and how to get a new one', async () => {
    const message = 'This reset link is not valid or has expired; ask for a new one';
    new FakeTrpcServer()
      .on(RESET, () => {
        throw new FakeTrpcError('BAD_REQUEST', message, [{ path: 'token', message }]);
      })
      .install();
    // The page the email links to.
    renderConsoleAt('/reset-password?token=tok123');
    await screen.findByRole('heading', { name: 'Choose a new password' });
    await submitPassword(userEvent.setup(), 'brand new password');
    expect(await screen.findByRole('heading', { name: 'This reset link cannot be used' })).toBeTruthy();
    expect(screen.getByText(`${message}.`)).toBeTruthy();
    expect(screen.getByText(/Ask for a new one with “Forgot password\?”/)).toBeTruthy();
  });
});
