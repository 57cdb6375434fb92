import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { ReviewDecisionForm } from './review-decision-form.js';

function renderDecision() {
  const server = new FakeTrpcServer()
    .on('admin.review.approve', () => ({ id: 'r1', status: 'accepted' }))
    .on('admin.review.reject', () => ({ id: 'r1', status: 'rejected' }))
    .install();
  renderWithClient(<ReviewDecisionForm referralId="r1" companyName="Acme" />);
  return { server, user: userEvent.setup() };
}

const reason = () => screen.getByRole('textbox', { name: /^Reason/ });

describe('a review decision', () => {
  it('starts with no reason and neither decision taken', () => {
    const { server } = renderDecision();
    expect(screen.getByRole('form', { name: 'Decide on Acme' })).toBeTruthy();
    expect(reason()).toHaveProperty('value', '');
    expect(server.calls).toEqual([]);
  });

  it('asks for a reason before deciding, and sends nothing without one', async () => {
    const { server, user } = renderDecision();
    await user.type(reason(), '   ');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getByText('Write why: the reason goes into the referral’s history.')).toBeTruthy();
    expect(reason().getAttribute('aria-invalid')).toBe('true');
    expect(server.calls).toEqual([]);
  });

  it('approves with the reason given', async () => {
    const { server, user } = renderDecision();
    await user.type(reason(), '  Known partner, same group.  ');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(server.inputsOf('admin.review.approve')).toHaveLength(1));
    expect(server.inputsOf('admin.review.approve')).toEqual([
      { id: 'r1', reason: 'Known partner, same group.' },
    ]);
    expect(server.inputsOf('admin.review.reject')).toEqual([]);
  });

  it('rejects with the reason given, and says why the server refused', async () => {
    const { server, user } = renderDecision();
    server.on('admin.review.reject', () => {
      throw new FakeTrpcError('CONFLICT', 'This referral was already decided');
    });
    await user.type(reason(), 'Self-referral');
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This referral was already decided');
    expect(server.inputsOf('admin.review.reject')).toEqual([{ id: 'r1', reason: 'Self-referral' }]);
    expect(reason()).toHaveProperty('value', 'Self-referral');
  });
});
