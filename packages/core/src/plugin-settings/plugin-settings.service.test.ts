import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { secret, secretSettingPaths } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { SecretBox } from '../common/secret-box.js';
import { ValidationError } from '../errors.js';
import { PluginSettingsService } from './plugin-settings.service.js';

const settingsSchema = z.object({
  baseUrl: z.url(),
  auth: z.object({ clientId: z.string().min(1), clientSecret: secret(z.string().min(8)) }),
  webhookSecret: secret(z.string().min(8)).optional(),
});
const target = {
  pluginId: 'crm-x',
  instance: 'default',
  settingsSchema,
  secretPaths: secretSettingPaths(settingsSchema),
};

const kinds = await testDatabaseKinds();

describe.each(kinds)('plugin settings on %s', (kind) => {
  let database: TestDatabase;
  let settings: PluginSettingsService;
  const box = new SecretBox('plugin-settings-test-key-0123456789');
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    settings = new PluginSettingsService({ db: database.db, secretBox: box });
  });
  afterAll(() => database?.close());

  const storedRow = () =>
    database.db
      .selectFrom('plugin_settings')
      .selectAll()
      .where('plugin_id', '=', 'crm-x')
      .executeTakeFirstOrThrow();

  it('knows the nested secret paths and shows nothing stored as unset', async () => {
    expect(target.secretPaths).toEqual(['auth.clientSecret', 'webhookSecret']);
    expect(await settings.maskedSettings(target)).toEqual({
      auth: { clientSecret: { set: false } },
      webhookSecret: { set: false },
    });
  });

  it('stores nested secrets sealed apart from the other settings', async () => {
    const masked = await settings.update(target, {
      baseUrl: 'https://crm.example.com',
      auth: { clientId: 'warmpath', clientSecret: 'first-secret' },
    });
    expect(masked).toEqual({
      baseUrl: 'https://crm.example.com',
      auth: { clientId: 'warmpath', clientSecret: { set: true } },
      webhookSecret: { set: false },
    });
    const row = await storedRow();
    expect(row.settings).toEqual({ baseUrl: 'https://crm.example.com', auth: { clientId: 'warmpath' } });
    expect(JSON.stringify(row)).not.toContain('first-secret');
    expect(box.openJson(row.secrets ?? '')).toEqual({ 'auth.clientSecret': 'first-secret' });
  });

  it('keeps a secret left empty, replaces one given, and audits only which secrets changed', async () => {
    await settings.update(target, {
      baseUrl: 'https://crm2.example.com',
      auth: { clientId: 'warmpath', clientSecret: '' },
      webhookSecret: 'hook-secret-1',
    });
    expect(box.openJson((await storedRow()).secrets ?? '')).toEqual({
      'auth.clientSecret': 'first-secret',
      webhookSecret: 'hook-secret-1',
    });
    const [entry] = (await new AuditService({ db: database.db }).list({ targetId: 'crm-x:default' })).data;
    expect(entry?.changes).toEqual({
      baseUrl: { before: 'https://crm.example.com', after: 'https://crm2.example.com' },
      secretsChanged: ['webhookSecret'],
    });
    expect(JSON.stringify(entry)).not.toContain('hook-secret-1');
  });

  it('refuses values the schema rejects, including a required secret never set', async () => {
    await expect(
      settings.update(target, { baseUrl: 'not a url', auth: { clientId: 'x' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      settings.update(
        { ...target, instance: 'fresh' },
        { baseUrl: 'https://crm.example.com', auth: { clientId: 'x' } },
      ),
    ).rejects.toMatchObject({ issues: [{ path: 'auth.clientSecret' }] });
    expect((await storedRow()).settings).toMatchObject({ baseUrl: 'https://crm2.example.com' });
  });
  it('changes only the settings named, stores no defaults, and writes nothing when nothing changes', async () => {
    const rulesSchema = z.object({
      velocity: z
        .object({ enabled: z.boolean().default(true), limit: z.number().int().min(1).default(5) })
        .prefault({}),
      blocked: z.array(z.string().trim().min(1)).default([]),
    });
    const rules = { pluginId: 'rules-x', instance: 'default', settingsSchema: rulesSchema, secretPaths: [] };
    const row = () =>
      database.db
        .selectFrom('plugin_settings')
        .selectAll()
        .where('plugin_id', '=', 'rules-x')
        .executeTakeFirstOrThrow();

    expect(await settings.update(rules, { velocity: { limit: 9 } })).toEqual({ velocity: { limit: 9 } });
    await settings.update(rules, { blocked: [' spam.example '] });
    const first = await row();
    expect(first.settings).toEqual({ velocity: { limit: 9 }, blocked: ['spam.example'] });
    // What the plugin reads at boot: every setting never saved still has its default.
    expect(rulesSchema.parse(first.settings)).toEqual({
      velocity: { enabled: true, limit: 9 },
      blocked: ['spam.example'],
    });

    await settings.update(rules, {});
    await settings.update(rules, { velocity: { limit: 9 } });
    expect((await row()).updated_at).toEqual(first.updated_at);
    const audit = new AuditService({ db: database.db });
    expect((await audit.list({ targetId: 'rules-x:default' })).data).toHaveLength(2);

    await settings.update(rules, { velocity: { limit: null } });
    expect((await row()).settings).toEqual({ velocity: {}, blocked: ['spam.example'] });
  });
});
