import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fraudSettingsSchema } from '@warmpath/plugin-fraud';
import { settingsJsonSchema } from '@warmpath/plugin-sdk';
import { describe, expect, it } from 'vitest';
import type { InstalledPlugin } from '../../api/types.js';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { PluginSettingsForm } from './plugin-settings-form.js';

const UPDATE = 'admin.plugins.updateSettings';

/** The fraud plugin as `admin.plugins.list` describes it, with an instance's stored settings. */
function fraudPlugin(values: Record<string, unknown> = {}): InstalledPlugin {
  return {
    id: 'fraud',
    version: '0.1.0',
    displayName: 'Built-in fraud rules',
    description: null,
    extensionPoints: ['fraud'],
    settingsJsonSchema: settingsJsonSchema(fraudSettingsSchema) as Record<string, unknown>,
    secretSettings: [],
    instances: [
      {
        instance: 'default',
        status: 'active',
        problems: [],
        implementations: [],
        values: values as never,
        health: { state: 'ok', calls: 0, errors: 0, lastError: null, lastTest: null },
      },
    ],
  };
}

function renderForm(plugin: InstalledPlugin) {
  const server = new FakeTrpcServer()
    .on(UPDATE, (input) => ({ restartRequired: true, values: (input as { changes: unknown }).changes }))
    .on('admin.plugins.list', () => [plugin])
    .install();
  const [instance] = plugin.instances;
  if (!instance) throw new Error('The plugin needs an instance');
  renderWithClient(<PluginSettingsForm plugin={plugin} instance={instance} />);
  return { server, user: userEvent.setup() };
}

/** The group of one fraud rule's settings, by its legend ("Duplicate"). */
function rule(name: string) {
  return within(screen.getByRole('group', { name }));
}

describe('the plugin settings form', () => {
  it('shows each setting as it takes effect: the stored value, else the default, marked "default"', () => {
    renderForm(fraudPlugin({ duplicate: { enabled: false, companyScore: 35 } }));
    expect(rule('Duplicate').getByRole('checkbox', { name: /^Enabled/ })).toHaveProperty('checked', false);
    expect(rule('Duplicate').getByRole('spinbutton', { name: /^Company score/ })).toHaveProperty(
      'value',
      '35',
    );
    expect(rule('Duplicate').getByRole('spinbutton', { name: 'Contact score default' })).toHaveProperty(
      'value',
      '70',
    );
    const selfReferral = rule('Self referral');
    expect(selfReferral.getByRole('checkbox', { name: 'Enabled default' })).toHaveProperty('checked', true);
    // Seven rules, six of them running on their default.
    expect(screen.getAllByRole('checkbox', { name: 'Enabled default' })).toHaveLength(6);
    expect(
      rule('Paid ad click')
        .getAllByRole('textbox')
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['gclid', 'gbraid', 'wbraid', 'msclkid', 'li_fat_id', 'ttclid', 'fbclid']);
  });

  it('saves one changed score and nothing else, so every rule keeps running', async () => {
    const { server, user } = renderForm(fraudPlugin());
    const score = rule('Duplicate').getByRole('spinbutton', { name: /^Company score/ });
    await user.clear(score);
    await user.type(score, '45');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(server.inputsOf(UPDATE)).toEqual([
      { pluginId: 'fraud', instance: 'default', changes: { duplicate: { companyScore: 45 } } },
    ]);
    // What the plugin reads at its next boot from those stored settings: all seven rules on.
    const effective = fraudSettingsSchema.parse({ duplicate: { companyScore: 45 } });
    expect(Object.values(effective).every((settings) => settings.enabled)).toBe(true);
  });

  it('writes nothing when saved unchanged', async () => {
    const { server, user } = renderForm(fraudPlugin({ clickFlood: { enabled: false } }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Nothing to save: no setting was changed.')).toBeTruthy();
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });

  it('edits lists as rows: add one, remove one, and saves the list', async () => {
    const { server, user } = renderForm(fraudPlugin());
    const selfReferral = rule('Self referral');
    await user.click(selfReferral.getByRole('button', { name: 'Add to Ignored domains' }));
    await user.type(selfReferral.getByRole('textbox', { name: 'Ignored domains 1' }), 'group.example');
    await user.click(
      rule('Paid ad click').getByRole('button', { name: 'Remove Social click id parameters 1' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(server.inputsOf(UPDATE)).toEqual([
      {
        pluginId: 'fraud',
        instance: 'default',
        changes: {
          selfReferral: { ignoredDomains: ['group.example'] },
          paidAdClick: { socialClickIdParameters: [] },
        },
      },
    ]);
  });

  it('says what is wrong with a value the schema refuses, and sends nothing', async () => {
    const { server, user } = renderForm(fraudPlugin());
    const score = rule('Click flood').getByRole('spinbutton', { name: /^Score/ });
    await user.clear(score);
    await user.type(score, '250');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(score.getAttribute('aria-invalid')).toBe('true');
    expect(rule('Click flood').getByText('Enter a number from 0 to 100.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The settings were not saved');
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });

  it('shows why the server refused a save, keeping what was typed', async () => {
    const { server, user } = renderForm(fraudPlugin());
    server.on(UPDATE, () => {
      throw new FakeTrpcError('BAD_REQUEST', 'duplicate.companyScore: Too big');
    });
    const score = rule('Duplicate').getByRole('spinbutton', { name: /^Company score/ });
    fireEvent.change(score, { target: { value: '99' } });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('duplicate.companyScore: Too big');
    expect(score).toHaveProperty('value', '99');
  });

  it('never shows a secret back and sends one only when typed', async () => {
    // What the server sends for `z.object({ channel: …default('#referrals'), apiToken: secret(…).optional() })`.
    const settingsSchema = {
      type: 'object',
      properties: {
        channel: { type: 'string', minLength: 1, default: '#referrals' },
        apiToken: { type: 'string', minLength: 8, secret: true, writeOnly: true },
      },
    };
    const chat: InstalledPlugin = {
      ...fraudPlugin(),
      id: 'chat',
      settingsJsonSchema: settingsSchema,
      secretSettings: ['apiToken'],
      instances: [
        {
          instance: 'eu',
          status: 'active',
          problems: [],
          implementations: [],
          values: { channel: '#eu', apiToken: { set: true } } as never,
          health: { state: 'ok', calls: 0, errors: 0, lastError: null, lastTest: null },
        },
      ],
    };
    const { server, user } = renderForm(chat);
    const token = screen.getByLabelText(/^Api token/);
    expect(token).toHaveProperty('value', '');
    expect(screen.getByText('Stored; leave empty to keep it.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Channel' })).toHaveProperty('value', '#eu');
    await user.type(token, 'new-token-123');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(server.inputsOf(UPDATE)).toEqual([
      { pluginId: 'chat', instance: 'eu', changes: { apiToken: 'new-token-123' } },
    ]);
    expect(token).toHaveProperty('value', '');
  });
});
