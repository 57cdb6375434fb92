import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { staffMember } from '../../testing/staff.js';

const housekeeping = {
  name: 'core.housekeeping',
  owner: { kind: 'core' },
  everyMs: 3_600_000,
  cron: null,
  jitterMs: 60_000,
  lastRunAt: '2026-12-08T01:00:12.000Z',
  lastResult: 'ok',
  lastError: null,
  nextRunAt: '2026-12-08T02:00:00.000Z',
};
const crmSync = {
  name: 'plugin.salesforce.eu.sync',
  owner: { kind: 'plugin', pluginId: 'salesforce', instance: 'eu', job: 'plugin:salesforce:eu:sync' },
  everyMs: null,
  cron: '*/15 * * * *',
  jitterMs: 0,
  lastRunAt: '2026-12-08T01:15:00.000Z',
  lastResult: 'error',
  lastError: 'Salesforce answered 401',
  nextRunAt: null,
};

function serveAs(role: 'manager' | 'sales', schedules: object[]) {
  return new FakeTrpcServer()
    .on('auth.me', () => staffMember(role))
    .on('admin.jobs.schedules', () => schedules)
    .install();
}

const rowOf = async (text: string) => (await screen.findByText(text)).closest('tr') as HTMLElement;

describe('the scheduled jobs page', () => {
  it('lists each schedule with its owner, interval, last run, next run and last error', async () => {
    serveAs('manager', [housekeeping, crmSync]);
    renderConsoleAt('/jobs');
    expect(await screen.findByRole('heading', { name: 'Scheduled jobs', level: 1 })).toBeTruthy();

    const core = within(await rowOf('core.housekeeping'));
    expect(core.getByText('Core')).toBeTruthy();
    expect(core.getByText('Every hour')).toBeTruthy();
    expect(core.getByText('OK')).toBeTruthy();
    expect(core.getByText('None')).toBeTruthy();

    const plugin = within(await rowOf('plugin:salesforce:eu:sync'));
    expect(plugin.getByText('salesforce (eu)')).toBeTruthy();
    expect(plugin.getByText('Cron */15 * * * * (UTC)')).toBeTruthy();
    expect(plugin.getByText('Failed')).toBeTruthy();
    expect(plugin.getByText('Salesforce answered 401')).toBeTruthy();
    expect(plugin.getByText('No worker running')).toBeTruthy();

    const sidebar = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(sidebar.getByRole('link', { name: 'Scheduled jobs' })).toBeTruthy();
  });

  it('says so when nothing is scheduled', async () => {
    serveAs('manager', []);
    renderConsoleAt('/jobs');
    expect(await screen.findByText('No scheduled jobs')).toBeTruthy();
  });

  it('is not offered to a role that cannot read plugins, and asks the server nothing', async () => {
    const server = serveAs('sales', [housekeeping]);
    renderConsoleAt('/jobs');
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeTruthy();
    expect(server.inputsOf('admin.jobs.schedules')).toEqual([]);
    const sidebar = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(sidebar.queryByRole('link', { name: 'Scheduled jobs' })).toBeNull();
  });
});
