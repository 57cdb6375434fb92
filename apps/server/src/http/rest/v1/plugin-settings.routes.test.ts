import { SecretBox } from '@warmpath/core';
import { definePlugin, secret } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectProblemJson, type RestCaller, restCaller } from '../../../testing/rest-test-kit.js';
import {
  startTestServer,
  TEST_SECRET_KEY,
  type TestServer,
  testStacks,
} from '../../../testing/test-server.js';

/** A CRM sync whose settings have a group, a bounded number and a secret token. */
const crmPlugin = definePlugin({
  id: 'crm-test',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({
    baseUrl: z.url().default('https://crm.example.invalid'),
    sync: z.object({ batchSize: z.number().int().min(1).max(500).default(100) }).default({ batchSize: 100 }),
    apiToken: secret(z.string().min(8)).optional(),
  }),
  register() {},
});

const stacks = await testStacks();
const url = (plugin = 'crm-test', instance = 'default') =>
  `/api/v1/plugins/${plugin}/instances/${instance}/settings`;

describe.each(stacks)('plugin settings over REST on $name', (stack) => {
  let server: TestServer;
  let call: RestCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack, plugins: [crmPlugin] });
    call = restCaller(server);
  });
  afterAll(() => server?.close());

  const row = () =>
    server.runtime.database.db
      .selectFrom('plugin_settings')
      .selectAll()
      .where('plugin_id', '=', 'crm-test')
      .where('instance', '=', 'default')
      .executeTakeFirst();
  const auditEntries = async () =>
    (await server.runtime.services.audit.list({ targetId: 'crm-test:default' })).data;

  it('reads settings with secrets only as set or not', async () => {
    const res = await call({ method: 'GET', url: url() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      plugin: 'crm-test',
      instance: 'default',
      values: { apiToken: { set: false } },
      secretSettings: ['apiToken'],
    });
  });

  it('changes only the settings named, keeps the secret sealed and write-only, and audits the key', async () => {
    const res = await call({
      method: 'PUT',
      url: url(),
      body: { sync: { batchSize: 250 }, apiToken: 'tok_live_secret_1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      plugin: 'crm-test',
      instance: 'default',
      values: { sync: { batchSize: 250 }, apiToken: { set: true } },
      secretSettings: ['apiToken'],
      restartRequired: false,
    });
    expect(res.body).not.toContain('tok_live_secret_1');

    const stored = await row();
    expect(stored?.settings).toEqual({ sync: { batchSize: 250 } });
    expect(new SecretBox(TEST_SECRET_KEY).openJson(stored?.secrets ?? '')).toEqual({
      apiToken: 'tok_live_secret_1',
    });

    const [entry] = await auditEntries();
    expect(entry).toMatchObject({
      action: 'plugin.settings_updated',
      actor: { type: 'api_key' },
      changes: { secretsChanged: ['apiToken'] },
    });
    expect(JSON.stringify(entry)).not.toContain('tok_live_secret_1');

    const read = await call({ method: 'GET', url: url() });
    expect(read.json().values).toEqual({ sync: { batchSize: 250 }, apiToken: { set: true } });
    expect(read.body).not.toContain('tok_live_secret_1');
  });

  it('writes nothing and audits nothing when nothing changes', async () => {
    const before = await row();
    const auditedBefore = (await auditEntries()).length;
    const res = await call({ method: 'PUT', url: url(), body: { sync: { batchSize: 250 }, apiToken: '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await row())?.updated_at).toEqual(before?.updated_at);
    expect(await auditEntries()).toHaveLength(auditedBefore);
  });

  it('refuses a value the plugin schema refuses with a 400 naming the field, and saves nothing', async () => {
    const before = await row();
    const auditedBefore = (await auditEntries()).length;
    const problem = expectProblemJson(
      await call({
        method: 'PUT',
        url: url(),
        body: { baseUrl: 'https://ok.invalid', sync: { batchSize: 0 } },
      }),
      400,
    );
    expect(problem.errors?.map((error) => error.path)).toContain('sync.batchSize');
    expect(await row()).toEqual(before);
    expect(await auditEntries()).toHaveLength(auditedBefore);
  });

  it('answers 404 for a plugin or an instance this server does not run', async () => {
    expectProblemJson(await call({ method: 'GET', url: url('crm-typo') }), 404);
    expectProblemJson(await call({ method: 'GET', url: url('crm-test', 'eu') }), 404);
    expectProblemJson(
      await call({ method: 'PUT', url: url('crm-typo'), body: { baseUrl: 'https://a.invalid' } }),
      404,
    );
  });

  it('needs plugins:read to read and plugins:write to change', async () => {
    expectProblemJson(await call({ method: 'GET', url: url(), key: null }), 401);
    const { key: reader } = await server.runtime.services.apiKeys.createApiKey({
      name: 'plugin reader',
      scopes: ['plugins:read'],
    });
    expect((await call({ method: 'GET', url: url(), key: reader })).statusCode).toBe(200);
    expectProblemJson(
      await call({ method: 'PUT', url: url(), key: reader, body: { baseUrl: 'https://a.invalid' } }),
      403,
    );
    const { key: other } = await server.runtime.services.apiKeys.createApiKey({
      name: 'webhooks only',
      scopes: ['webhooks:read'],
    });
    expectProblemJson(await call({ method: 'GET', url: url(), key: other }), 403);
  });
});
