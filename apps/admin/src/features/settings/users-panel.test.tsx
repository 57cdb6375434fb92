import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../api/types.js';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { staffMember } from '../../testing/staff.js';
import { UsersPanel } from './users-panel.js';

const CHANGE_ROLE = 'admin.users.changeRole';

const vic = {
  id: 'u-vic',
  name: 'Vic Viewer',
  email: 'vic@example.com',
  role: 'viewer',
  hasPassword: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  disabledAt: null,
};
const olga = { ...vic, id: 'u-olga', name: 'Olga Owner', email: 'olga@example.com', role: 'owner' };

const pendingInvitation = {
  id: 'i-sam',
  email: 'sam@example.com',
  role: 'sales',
  expiresAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-11-24T00:00:00.000Z',
};

function renderPanelAs(role: StaffRole, invitations: object[] = []) {
  const me = staffMember(role);
  const server = new FakeTrpcServer()
    .on('auth.me', () => me)
    .on('admin.users.list', () => [{ ...vic }, { ...olga }, { ...vic, ...me, hasPassword: true }])
    .on('admin.users.invitations', () => invitations)
    .on(CHANGE_ROLE, (input) => ({ ...vic, role: (input as { role: string }).role }))
    .install();
  renderWithClient(<UsersPanel />);
  return { server, user: userEvent.setup() };
}

const roleOf = (name: string) => screen.findByRole('combobox', { name: `Role of ${name}` });

describe('the staff table', () => {
  it('names a pending invitation’s role as the role selects do', async () => {
    renderPanelAs('owner', [pendingInvitation]);
    const row = (await screen.findByText('sam@example.com')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Sales')).toBeTruthy();
    expect(within(row).queryByText('sales')).toBeNull();
  });

  it('shows each role select with the account’s current role', async () => {
    renderPanelAs('owner');
    const select = (await roleOf('Vic Viewer')) as HTMLSelectElement;
    expect(select.value).toBe('viewer');
    expect(within(select).getByRole('option', { name: 'Viewer', selected: true })).toBeTruthy();
  });

  it('asks before changing a role, naming the person, the old and the new role; cancel changes nothing', async () => {
    const { server, user } = renderPanelAs('owner');
    await user.selectOptions(await roleOf('Vic Viewer'), 'owner');
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Vic Viewer?' });
    expect(dialog.textContent).toContain('Vic Viewer (vic@example.com) goes from Viewer to Owner');
    expect(server.inputsOf(CHANGE_ROLE)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(((await roleOf('Vic Viewer')) as HTMLSelectElement).value).toBe('viewer');
    expect(server.inputsOf(CHANGE_ROLE)).toEqual([]);
  });

  it('changes the role once confirmed', async () => {
    const { server, user } = renderPanelAs('owner');
    await user.selectOptions(await roleOf('Vic Viewer'), 'manager');
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Vic Viewer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    await expect.poll(() => server.inputsOf(CHANGE_ROLE)).toEqual([{ id: 'u-vic', role: 'manager' }]);
  });

  it('emails a member a password reset link from their row, and says so', async () => {
    const { server, user } = renderPanelAs('owner');
    server.on('admin.users.sendPasswordReset', () => ({ email: 'vic@example.com' }));
    await user.click(await screen.findByRole('button', { name: 'Send password reset to Vic Viewer' }));
    expect(await screen.findByText(/A password reset link was emailed to vic@example\.com/)).toBeTruthy();
    expect(server.inputsOf('admin.users.sendPasswordReset')).toEqual([{ id: 'u-vic' }]);
  });

  it('gives an admin no controls on owners, and no owner role to give', async () => {
    renderPanelAs('admin');
    const vicRole = await roleOf('Vic Viewer');
    expect(within(vicRole).queryByRole('option', { name: 'Owner' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Role of Olga Owner' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Disable Olga Owner' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send password reset to Olga Owner' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Invite staff member' })).toBeTruthy();
  });

  it('shows a manager, who may only read staff, no control at all', async () => {
    renderPanelAs('manager');
    expect(await screen.findByRole('rowheader', { name: /Vic Viewer/ })).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
