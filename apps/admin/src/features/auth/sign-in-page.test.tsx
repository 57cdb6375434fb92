import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';

const REQUEST = 'auth.requestPasswordReset';

describe('the sign-in page', () => {
  it('offers “Forgot password?”, which emails a reset link to the address typed', async () => {
    const server = new FakeTrpcServer()
      .on('auth.me', () => null)
      .on(REQUEST, () => ({ ok: true }))
      .install();
    renderConsoleAt('/sign-in');
    const user = userEvent.setup();
    expect(screen.queryByText(/Forgot your password\? Ask an owner/)).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Forgot password?' }));
    await user.type(screen.getByRole('textbox', { name: /Email/ }), ' ada@example.com ');
    await user.click(screen.getByRole('button', { name: 'Email me a reset link' }));
    expect(
      await screen.findByText(/If a staff account uses ada@example\.com, a reset link is on its way/),
    ).toBeTruthy();
    expect(server.inputsOf(REQUEST)).toEqual([{ email: 'ada@example.com' }]);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByRole('heading', { name: 'Sign in to the console' })).toBeTruthy();
  });

  it('tells someone who just reset their password to sign in with the new one', async () => {
    new FakeTrpcServer().on('auth.me', () => null).install();
    renderConsoleAt('/sign-in?notice=password-reset');
    expect(await screen.findByText(/Your password is changed/)).toBeTruthy();
  });
});
