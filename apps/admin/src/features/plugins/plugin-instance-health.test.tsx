import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InstalledPlugin } from '../../api/types.js';
import { FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderConsoleAt } from '../../testing/render-console.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { staffMember } from '../../testing/staff.js';
import { type PluginHealth, PluginInstanceHealth } from './plugin-instance-health.js';

const AT = '2026-12-08T02:15:00.000Z';

/** What the plugins page's first card reads; its plugin list is not what these tests look at. */
const SYSTEM_STATUS = {
  demoData: false,
  version: '1.0.0',
  mode: 'all',
  database: 'pglite',
  jobs: 'in-process',
  publicUrl: 'http://localhost:3000',
  plugins: [],
};

const healthy: PluginHealth = { state: 'ok', calls: 12, errors: 0, lastError: null, lastTest: null };

function chatPlugin(
  health: PluginHealth,
  status: InstalledPlugin['instances'][number]['status'] = 'active',
): InstalledPlugin {
  return {
    id: 'chat',
    version: '1.0.0',
    displayName: 'Chat',
    description: null,
    extensionPoints: ['notifiers'],
    settingsJsonSchema: { type: 'object', properties: {} },
    secretSettings: [],
    instances: [
      {
        instance: 'default',
        status,
        problems: [],
        implementations: ['notifiers:chat:default:chat'],
        values: {} as never,
        health,
      },
    ],
  };
}

describe('plugin instance health', () => {
  it('shows a healthy instance with its calls, and that its connection was not tested', () => {
    renderWithClient(<PluginInstanceHealth health={healthy} status="active" />);
    const health = within(screen.getByRole('region', { name: 'Health' }));
    expect(health.getByText('Healthy')).toBeTruthy();
    expect(health.getByText(/12 calls, 0 errors since the server started/)).toBeTruthy();
    expect(health.getByText('Connection not tested since the server started.')).toBeTruthy();
  });

  it('shows a failing instance with its last error and failed connection test', () => {
    renderWithClient(
      <PluginInstanceHealth
        health={{
          state: 'failing',
          calls: 3,
          errors: 2,
          lastError: { message: 'chat service unavailable', at: AT },
          lastTest: { ok: false, message: 'notifiers:chat:default:chat: Token expired', at: AT },
        }}
        status="active"
      />,
    );
    expect(screen.getByText('Failing')).toBeTruthy();
    expect(screen.getByText(/Last error \(.+\): chat service unavailable/)).toBeTruthy();
    expect(
      screen.getByText(/Last connection test \(.+\): failed — notifiers:chat:default:chat: Token expired/),
    ).toBeTruthy();
  });

  it('says why a disabled instance does not run: invalid settings, or turned off', () => {
    const { unmount } = renderWithClient(
      <PluginInstanceHealth health={{ ...healthy, state: 'disabled', calls: 0 }} status="invalid-settings" />,
    );
    expect(screen.getByText('Disabled')).toBeTruthy();
    expect(screen.getByText(/Not running: its settings are invalid/)).toBeTruthy();
    unmount();
    renderWithClient(
      <PluginInstanceHealth health={{ ...healthy, state: 'disabled', calls: 0 }} status="disabled" />,
    );
    expect(screen.getByText('Not running: an admin turned it off. Its settings are kept.')).toBeTruthy();
  });

  it('on the plugins page, shows each instance’s health and the new result after "Test connection"', async () => {
    let tested = false;
    new FakeTrpcServer()
      .on('auth.me', () => staffMember('owner'))
      .on('admin.system.status', () => SYSTEM_STATUS)
      .on('admin.plugins.list', () => [
        chatPlugin(
          tested ? { ...healthy, calls: 13, lastTest: { ok: true, message: null, at: AT } } : healthy,
        ),
      ])
      .on('admin.plugins.testConnection', () => {
        tested = true;
        return { supported: true, ok: true, checks: [] };
      })
      .install();
    renderConsoleAt('/plugins');
    const health = await screen.findByRole('region', { name: 'Health' });
    expect(within(health).getByText('Healthy')).toBeTruthy();
    expect(within(health).getByText('Connection not tested since the server started.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await within(health).findByText(/Last connection test \(.+\): passed/)).toBeTruthy();
  });

  it('turns an instance off and on from the plugins page, for those who manage plugins only', async () => {
    const switched: unknown[] = [];
    let enabled = true;
    new FakeTrpcServer()
      .on('auth.me', () => staffMember('admin'))
      .on('admin.system.status', () => SYSTEM_STATUS)
      .on('admin.plugins.list', () => [
        chatPlugin(enabled ? healthy : { ...healthy, state: 'disabled' }, enabled ? 'active' : 'disabled'),
      ])
      .on('admin.plugins.setEnabled', (input) => {
        switched.push(input);
        enabled = (input as { enabled: boolean }).enabled;
        return { ok: true };
      })
      .install();
    renderConsoleAt('/plugins');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Turn off' }));
    expect(
      await screen.findByText('Not running: an admin turned it off. Its settings are kept.'),
    ).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('button', { name: 'Turn off' })).toBeTruthy();
    expect(switched).toEqual([
      { pluginId: 'chat', instance: 'default', enabled: false },
      { pluginId: 'chat', instance: 'default', enabled: true },
    ]);
  });

  it('offers no switch to those who only read plugins', async () => {
    new FakeTrpcServer()
      .on('auth.me', () => staffMember('manager'))
      .on('admin.system.status', () => SYSTEM_STATUS)
      .on('admin.plugins.list', () => [chatPlugin(healthy)])
      .install();
    renderConsoleAt('/plugins');
    await screen.findByRole('region', { name: 'Health' });
    expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull();
  });
});
