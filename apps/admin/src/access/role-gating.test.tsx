import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeTrpcServer } from '../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../testing/render-console.js';
import { staffMember } from '../testing/staff.js';

function serveParticipantsAs(role: 'viewer' | 'admin') {
  return new FakeTrpcServer()
    .on('auth.me', () => staffMember(role))
    .on('admin.tracks.list', () => [])
    .on('admin.participants.list', () => ({ items: [], nextCursor: null }))
    .install();
}

const sidebar = () => within(screen.getByRole('navigation', { name: 'Main' }));

describe('what a role sees in the console', () => {
  it('a viewer gets the participants page without its actions, and no menu entries for pages it cannot load', async () => {
    serveParticipantsAs('viewer');
    renderConsoleAt('/participants');
    expect(await screen.findByRole('heading', { name: 'Participants', level: 1 })).toBeTruthy();
    expect(await screen.findByText('No participants yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Invite/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Export CSV' })).toBeNull();
    expect(sidebar().getByRole('link', { name: 'Participants' })).toBeTruthy();
    for (const page of ['Review queue', 'Plugins', 'Audit log', 'Settings']) {
      expect(sidebar().queryByRole('link', { name: page })).toBeNull();
    }
  });

  it('an admin gets the same page with its actions and every menu entry', async () => {
    serveParticipantsAs('admin');
    renderConsoleAt('/participants');
    expect(await screen.findByRole('button', { name: 'Invite participant' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Invite the first participant' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toBeTruthy();
    for (const page of ['Review queue', 'Plugins', 'Audit log', 'Settings']) {
      expect(sidebar().getByRole('link', { name: page })).toBeTruthy();
    }
  });

  it('a viewer who opens a page of a higher role by its address is told why, and nothing is asked of the server', async () => {
    const server = serveParticipantsAs('viewer');
    renderConsoleAt('/audit-log');
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(screen.getByText(/The viewer role cannot open this page/)).toBeTruthy();
    expect(server.inputsOf('admin.audit.list')).toEqual([]);
  });
});
