import { SecretBox } from '@warmpath/core';
import { json } from '@warmpath/db';
import { fraudSettingsSchema } from '@warmpath/plugin-fraud';
import { definePlugin, secret } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  startTestServer,
  TEST_SECRET_KEY,
  type TestServer,
  testStacks,
} from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

/** A chat notifier whose connection check passes only with an API token set. */
const chatPlugin = definePlugin({
  id: 'chat-test',
  version: '2.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({
    channel: z.string().min(1).default('#referrals'),
    retries: z.number().int().min(0).max(5).default(2),
    apiToken: secret(z.string().min(8)).optional(),
  }),
  register(ctx) {
    ctx.notifiers.add('chat', (c) => ({
      apiVersion: 1,
      channel: 'chat',
      send: async () => ({ id: 'sent' }),
      verifyConnection: async () =>
        c.settings.apiToken
          ? { ok: true, details: { channel: c.settings.channel } }
          : { ok: false, message: 'No API token is set' },
    }));
  },
});

const stacks = await testStacks();

describe.each(stacks)('admin.plugins on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let manager: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({
      stack,
      plugins: [chatPlugin],
      // Two instances: `default` without a token, `eu` with one (sealed as the console would store it).
      beforeBoot: async (db) => {
        await db
          .insertInto('plugin_settings')
          .values([
            {
              plugin_id: 'chat-test',
              instance: 'default',
              settings: json({}),
              secrets: null,
              updated_at: new Date(),
            },
            {
              plugin_id: 'chat-test',
              instance: 'eu',
              settings: json({ channel: '#eu' }),
              secrets: new SecretBox(TEST_SECRET_KEY).sealJson({ apiToken: 'eu-token-123' }),
              updated_at: new Date(),
            },
          ])
          .execute();
      },
    });
    owner = await ownerCaller(server);
    manager = await staffCaller(server, 'manager', 'mo-manager');
  });
  afterAll(() => server.close());

  it('lists plugins with their settings form and stored values, secrets only as set or not', async () => {
    const plugins = dataOf(await manager.query('admin.plugins.list'));
    expect(plugins.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['fraud', 'chat-test']));
    const chat = plugins.find((p: { id: string }) => p.id === 'chat-test');
    expect(chat).toMatchObject({
      version: '2.0.0',
      extensionPoints: ['notifiers'],
      secretSettings: ['apiToken'],
    });
    expect(chat.settingsJsonSchema.properties.apiToken).toMatchObject({ secret: true, writeOnly: true });
    expect(chat.instances.map((i: { instance: string; values: unknown }) => [i.instance, i.values])).toEqual([
      ['default', { apiToken: { set: false } }],
      ['eu', { channel: '#eu', apiToken: { set: true } }],
    ]);
    expect(JSON.stringify(plugins)).not.toContain('eu-token-123');
  });

  it('tests the connection of each instance with its settings', async () => {
    const eu = dataOf(
      await owner.mutation('admin.plugins.testConnection', { pluginId: 'chat-test', instance: 'eu' }),
    );
    expect(eu).toEqual({
      supported: true,
      ok: true,
      checks: [
        {
          key: 'notifiers:chat-test:eu:chat',
          point: 'notifiers',
          result: { ok: true, details: { channel: '#eu' } },
        },
      ],
    });
    const plain = dataOf(
      await owner.mutation('admin.plugins.testConnection', { pluginId: 'chat-test', instance: 'default' }),
    );
    expect(plain).toMatchObject({
      supported: true,
      ok: false,
      checks: [{ result: { message: 'No API token is set' } }],
    });
    const fraud = dataOf(
      await owner.mutation('admin.plugins.testConnection', { pluginId: 'fraud', instance: 'default' }),
    );
    expect(fraud).toEqual({ supported: false, ok: true, checks: [] });
    errorOf(
      await owner.mutation('admin.plugins.testConnection', { pluginId: 'chat-test', instance: 'nowhere' }),
      'NOT_FOUND',
    );
  });

  it('saves settings validated by the plugin schema; an omitted secret keeps the stored one; audited', async () => {
    const saved = dataOf(
      await owner.mutation('admin.plugins.updateSettings', {
        pluginId: 'chat-test',
        instance: 'eu',
        changes: { channel: '#eu-sales', retries: 4, apiToken: '' },
      }),
    );
    expect(saved).toEqual({
      restartRequired: false,
      values: { channel: '#eu-sales', retries: 4, apiToken: { set: true } },
    });
    const row = await server.runtime.database.db
      .selectFrom('plugin_settings')
      .selectAll()
      .where('plugin_id', '=', 'chat-test')
      .where('instance', '=', 'eu')
      .executeTakeFirstOrThrow();
    expect(row.settings).toEqual({ channel: '#eu-sales', retries: 4 });
    expect(new SecretBox(TEST_SECRET_KEY).openJson(row.secrets ?? '')).toEqual({ apiToken: 'eu-token-123' });

    await owner.mutation('admin.plugins.updateSettings', {
      pluginId: 'chat-test',
      instance: 'default',
      changes: { apiToken: 'a-new-token-456' },
    });
    const [entry] = (await server.runtime.services.audit.list({ targetId: 'chat-test:default' })).data;
    expect(entry).toMatchObject({
      action: 'plugin.settings_updated',
      actor: { type: 'user', id: owner.userId },
      changes: { secretsChanged: ['apiToken'] },
    });
    expect(JSON.stringify(entry)).not.toContain('a-new-token-456');
    const listed = dataOf(await owner.query('admin.plugins.list'));
    const chat = listed.find((p: { id: string }) => p.id === 'chat-test');
    expect(chat.instances[0].values).toMatchObject({ apiToken: { set: true } });
  });

  it('changes only the fraud settings named: one score saved, every rule keeps its effective setting', async () => {
    const fraudRow = () =>
      server.runtime.database.db
        .selectFrom('plugin_settings')
        .selectAll()
        .where('plugin_id', '=', 'fraud')
        .where('instance', '=', 'default')
        .executeTakeFirst();
    const saved = dataOf(
      await owner.mutation('admin.plugins.updateSettings', {
        pluginId: 'fraud',
        instance: 'default',
        changes: { duplicate: { companyScore: 45 } },
      }),
    );
    expect(saved.values).toEqual({ duplicate: { companyScore: 45 } });
    const stored = (await fraudRow())?.settings;
    // What the fraud plugin reads at the next boot: every rule still enabled, only the one score changed.
    const effective = fraudSettingsSchema.parse(stored);
    expect(Object.values(effective).map((rule) => rule.enabled)).toEqual(Array(7).fill(true));
    expect(effective.duplicate).toEqual({ enabled: true, companyScore: 45, contactScore: 70 });

    const before = await fraudRow();
    await owner.mutation('admin.plugins.updateSettings', {
      pluginId: 'fraud',
      instance: 'default',
      changes: {},
    });
    expect(await fraudRow()).toEqual(before);
    const entries = (await server.runtime.services.audit.list({ targetId: 'fraud:default' })).data;
    expect(entries).toHaveLength(1);
  });

  it('refuses settings the plugin schema rejects, naming the field, and changes nothing', async () => {
    const res = await owner.mutation('admin.plugins.updateSettings', {
      pluginId: 'chat-test',
      instance: 'eu',
      changes: { channel: '#eu', retries: 99 },
    });
    expect(errorOf(res, 'BAD_REQUEST')).toContain('retries');
    errorOf(
      await owner.mutation('admin.plugins.updateSettings', {
        pluginId: 'chat-test',
        instance: 'eu',
        changes: { apiToken: 'short' },
      }),
      'BAD_REQUEST',
    );
    const listed = dataOf(await owner.query('admin.plugins.list'));
    expect(listed.find((p: { id: string }) => p.id === 'chat-test').instances[1].values.retries).toBe(4);
  });

  it('lets only plugins:manage change settings or test connections', async () => {
    errorOf(
      await manager.mutation('admin.plugins.updateSettings', {
        pluginId: 'chat-test',
        instance: 'eu',
        changes: {},
      }),
      'FORBIDDEN',
    );
    errorOf(
      await manager.mutation('admin.plugins.testConnection', { pluginId: 'chat-test', instance: 'eu' }),
      'FORBIDDEN',
    );
    const sales = await staffCaller(server, 'sales', 'sy-sales');
    errorOf(await sales.query('admin.plugins.list'), 'FORBIDDEN');
  });
});
