import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { heldReferral } from '../../testing/referrals.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { staffMember } from '../../testing/staff.js';

const salesRep = { id: 'u-sam', name: 'Sam Sales', email: 'sam@example.com', role: 'sales' };
const viewer = {
  id: 'u-val',
  name: 'Val Viewer',
  email: 'val@example.com',
  role: 'viewer',
  disabledAt: null,
};

function serveReferral(owner: { id: string; name: string; email: string } | null) {
  return new FakeTrpcServer()
    .on('auth.me', () => staffMember('admin'))
    .on('admin.referrals.byId', () => ({ ...heldReferral, owner }))
    .on('admin.referrals.owners', () => [salesRep])
    .on('admin.users.list', () => [{ ...salesRep, disabledAt: null }, viewer])
    .install();
}

async function ownerOptions() {
  const details =
    (await screen.findByRole('heading', { name: 'Details' })).closest('section') ?? document.body;
  const select = await within(details as HTMLElement).findByRole('combobox', { name: 'Owner' });
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);
}

describe('the owner of a referral', () => {
  it('can be handed only to people whose role may work referrals', async () => {
    serveReferral(null);
    renderConsoleAt('/referrals/r1');
    expect(await ownerOptions()).toEqual(['Unassigned', 'Sam Sales']);
  });

  it('still shows an owner who could no longer be chosen', async () => {
    serveReferral({ id: viewer.id, name: viewer.name, email: viewer.email });
    renderConsoleAt('/referrals/r1');
    expect(await ownerOptions()).toEqual(['Unassigned', 'Val Viewer', 'Sam Sales']);
  });
});
