import { noticePluginSettingsChanged } from '@warmpath/core';
import { createDatabase, json } from '@warmpath/db';
import { createInProcessQueue } from '@warmpath/jobs';
import { TEST_REDIS_URL, waitFor } from '@warmpath/jobs/testing';
import { definePlugin } from '@warmpath/plugin-sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../config/load-config.js';
import { dataOf, ownerCaller } from '../../http/trpc/admin/admin-test-kit.js';
import { restCaller } from '../../testing/rest-test-kit.js';
import { startTestServer, TEST_SECRET_KEY, type TestServer, testStacks } from '../../testing/test-server.js';
import { buildApp } from '../build-app.js';
import { createLogger } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';

/** A plugin whose route and fraud rule show the settings its instance was built with. */
const tunable = definePlugin({
  id: 'tunable',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}).default({}),
  settingsSchema: z.object({ greeting: z.string().min(1).max(40).default('hello') }),
  register(ctx) {
    ctx.http.route({
      method: 'GET',
      path: '/greeting',
      handler: async () => ({ status: 200, body: { greeting: ctx.settings.greeting } }),
    });
    ctx.fraud.add('quiet', () => ({
      apiVersion: 1,
      description: `Greets with ${ctx.settings.greeting}`,
      evaluate: () => ({ score: 0, flags: [] }),
    }));
  },
});

const stacks = await testStacks();
const postgres = stacks.find((stack) => stack.database === 'postgres');
const greetingUrl = '/plugins/tunable/default/greeting';
const settingsUrl = '/api/v1/plugins/tunable/instances/default/settings';
const greetingOf = async (app: FastifyInstance) => {
  const response = await app.inject({ method: 'GET', url: greetingUrl });
  return response.statusCode === 200
    ? (response.json() as { greeting: string }).greeting
    : response.statusCode;
};

describe.runIf(postgres)('live plugin settings across processes on Postgres', () => {
  let first: TestServer;
  let second: { runtime: Runtime; app: FastifyInstance };
  beforeAll(async () => {
    first = await startTestServer({ ...(postgres ? { stack: postgres } : {}), plugins: [tunable] });
    // A second server process of the same installation: its own pool, its own listening connection, MODE=api.
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      MODE: 'api',
      DATABASE_URL: first.runtime.config.DATABASE_URL ?? '',
      REDIS_URL: TEST_REDIS_URL,
      CLICK_WRITER: 'inline',
      WARMPATH_SECRET_KEY: TEST_SECRET_KEY,
      WARMPATH_DEMO: 'false',
    });
    const runtime = await createRuntime({
      config,
      logger: createLogger(config),
      database: await createDatabase({ databaseUrl: config.DATABASE_URL, maxConnections: 2 }),
      queue: createInProcessQueue({}),
      extraPlugins: [tunable],
    });
    const app = await buildApp(runtime, { rateLimitNameSpace: `live-settings-${Date.now()}:` });
    await app.ready();
    await runtime.start();
    second = { runtime, app };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.runtime.close();
    await first?.close();
  });

  it('applies settings saved on one server in the other within 2 s, without a restart', async () => {
    expect(await greetingOf(second.app)).toBe('hello');
    const saved = await restCaller(first)({ method: 'PUT', url: settingsUrl, body: { greeting: 'bonjour' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ restartRequired: false });
    const started = Date.now();
    await waitFor(async () => (await greetingOf(second.app)) === 'bonjour', {
      timeoutMs: 2000,
      message: 'the second server to answer with the new greeting',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(second.runtime.pluginHost.get('fraud', 'fraud:tunable:default:quiet')?.description).toBe(
      'Greets with bonjour',
    );
    // The server it was saved on follows too.
    await waitFor(async () => (await greetingOf(first.app)) === 'bonjour', { timeoutMs: 2000 });
  });

  it('takes an instance disabled over REST out of every server, and brings it back when the console enables it', async () => {
    const disabled = await restCaller(first)({
      method: 'PUT',
      url: '/api/v1/plugins/tunable/instances/default/enabled',
      body: { enabled: false },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toEqual({ plugin: 'tunable', instance: 'default', enabled: false });
    await waitFor(async () => (await greetingOf(second.app)) === 404, { timeoutMs: 2000 });
    expect(second.runtime.pluginHost.list('fraud').map((entry) => entry.key)).not.toContain(
      'fraud:tunable:default:quiet',
    );

    const owner = await ownerCaller(first);
    const enabled = await owner.mutation('admin.plugins.setEnabled', {
      pluginId: 'tunable',
      instance: 'default',
      enabled: true,
    });
    expect(dataOf(enabled)).toEqual({ plugin: 'tunable', instance: 'default', enabled: true });
    await waitFor(async () => (await greetingOf(second.app)) === 'bonjour', { timeoutMs: 2000 });
  });

  it('marks an instance whose stored settings became invalid invalid-settings, as at boot', async () => {
    await first.runtime.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('plugin_settings')
        .set({ settings: json({ greeting: '' }) })
        .where('plugin_id', '=', 'tunable')
        .execute();
      await noticePluginSettingsChanged(trx, { pluginId: 'tunable', instance: 'default' });
    });
    const statusOnSecond = () =>
      second.runtime.pluginHost.plugins().find((plugin) => plugin.id === 'tunable')?.instances[0]?.status;
    await waitFor(async () => statusOnSecond() === 'invalid-settings', { timeoutMs: 2000 });
    expect(await greetingOf(second.app)).toBe(404);
  });

  it('refuses a bad value before saving, naming the field', async () => {
    const refused = await restCaller(first)({
      method: 'PUT',
      url: settingsUrl,
      body: { greeting: 'x'.repeat(41) },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('greeting');
  });
});

describe('live plugin settings in one embedded process (PGlite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ plugins: [tunable] });
  });
  afterAll(() => server?.close());

  it('applies a saved change without a restart', async () => {
    const saved = await restCaller(server)({ method: 'PUT', url: settingsUrl, body: { greeting: 'hej' } });
    expect(saved.statusCode, saved.body).toBe(200);
    await waitFor(async () => (await greetingOf(server.app)) === 'hej', { timeoutMs: 2000 });
  });
});
