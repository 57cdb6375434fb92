import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretBox } from '../common/secret-box.js';
import { ValidationError } from '../errors.js';
import { PluginSettingsService } from './plugin-settings.service.js';
import { PLUGIN_SETTINGS_CHANNEL, parsePluginSettingsChange } from './settings-change-notice.js';

const settingsSchema = z.object({ threshold: z.number().int().min(1).max(10).default(5) });
const target = { pluginId: 'probe', instance: 'default', settingsSchema, secretPaths: [] };
const kinds = await testDatabaseKinds();
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe.each(kinds)('settings change notices on %s', (kind) => {
  let database: TestDatabase;
  let settings: PluginSettingsService;
  const heard: unknown[] = [];
  let close: () => Promise<void>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    settings = new PluginSettingsService({
      db: database.db,
      secretBox: new SecretBox('notice-test-key-0123456789abc'),
    });
    const subscription = await database.listen(PLUGIN_SETTINGS_CHANNEL, {
      onNotification: (payload) => heard.push(parsePluginSettingsChange(payload)),
    });
    close = () => subscription.close();
  });
  afterAll(async () => {
    await close?.();
    await database?.close();
  });

  it('tells listening processes which instance changed, once the change commits, and only then', async () => {
    await settings.update(target, { threshold: 7 });
    await settings.update(target, { threshold: 7 }); // nothing changes: no notice
    await expect(settings.update(target, { threshold: 70 })).rejects.toBeInstanceOf(ValidationError);
    await settle();
    expect(heard.splice(0)).toEqual([{ pluginId: 'probe', instance: 'default' }]);
  });

  it('announces turning an instance off and on, and stores and audits it', async () => {
    expect(await settings.setEnabled(target, false)).toBe(true);
    expect(await settings.setEnabled(target, false)).toBe(false);
    const row = await database.db.selectFrom('plugin_settings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ enabled: false, settings: { threshold: 7 } });
    expect(await settings.setEnabled({ pluginId: 'probe', instance: 'second' }, false)).toBe(true);
    await settle();
    expect(heard.splice(0)).toEqual([
      { pluginId: 'probe', instance: 'default' },
      { pluginId: 'probe', instance: 'second' },
    ]);
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'plugin.instance_%')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual([
      'plugin.instance_disabled',
      'plugin.instance_disabled',
    ]);
  });
});
