import { SecretBox } from '@warmpath/core';
import { json } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import { waitFor } from '@warmpath/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import acmePlugin from '../../testing/fixtures/acme-plugin.js';
import { startTestServer, TEST_SECRET_KEY, type TestServer, testStacks } from '../../testing/test-server.js';
import { DOMAIN_EVENT_JOB } from './domain-event-jobs.js';

const stacks = await testStacks();

describe.each(stacks)('plugins on $name', (stack) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      stack,
      plugins: [acmePlugin],
      env: { WARMPATH_PLUGIN_CONFIG: JSON.stringify({ acme: { greeting: 'bonjour' } }) },
    });
  });
  afterAll(() => server.close());

  const webhookBody = '{"b": 1,  "a": "ünïcode"}';
  const kv = () =>
    server.runtime.database.db.selectFrom('plugin_kv').selectAll().where('namespace', '=', 'acme:default');

  it('loads the built-in fraud plugin and the extra plugin', () => {
    const ids = server.runtime.pluginHost.plugins().map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['fraud', 'acme']));
    expect(server.runtime.pluginHost.list('fraud').map((r) => r.key)).toContain(
      'fraud:fraud:default:self-referral',
    );
  });

  it('mounts plugin routes under /plugins/<id>/<instance> with deploy-time config applied', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/plugins/acme/default/hello' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ greeting: 'bonjour', region: 'eu', hasToken: false });
  });

  it('hands webhooks the exact raw body and runs the job it enqueues', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/plugins/acme/default/webhook/erp',
      headers: { 'content-type': 'application/json' },
      payload: webhookBody,
    });
    expect(res.statusCode).toBe(202);
    expect(res.headers['x-acme']).toBe('yes');
    await waitFor(
      async () => (await kv().where('key', '=', 'webhook:erp').executeTakeFirst()) !== undefined,
      {
        timeoutMs: 10_000,
        message: 'the plugin job to store the webhook body',
      },
    );
    const row = await kv().where('key', '=', 'webhook:erp').executeTakeFirstOrThrow();
    expect(row.value).toBe(webhookBody);
  });

  it('keeps plugin credentials encrypted at rest', async () => {
    const rows = await server.runtime.database.db
      .selectFrom('plugin_kv')
      .selectAll()
      .where('namespace', '=', '__warmpath:credentials')
      .where('key', '=', 'acme:default')
      .execute();
    expect(rows).toHaveLength(1);
    const sealed = rows[0]!.value as string;
    expect(sealed).not.toContain('lastWebhookBytes');
    expect(new SecretBox(TEST_SECRET_KEY).openJson(sealed)).toEqual({ lastWebhookBytes: webhookBody.length });
  });

  it('delivers a domain event committed to the outbox to the subscribed plugin', async () => {
    const eventId = `evt-${Date.now()}`;
    await server.runtime.database.db.transaction().execute((trx) =>
      writeOutbox(trx, {
        jobName: DOMAIN_EVENT_JOB,
        payload: {
          id: eventId,
          type: 'referral.created',
          occurredAt: new Date().toISOString(),
          data: {
            referralId: '0190a0a0-0000-7000-8000-000000000001',
            trackId: '0190a0a0-0000-7000-8000-000000000002',
            participantId: '0190a0a0-0000-7000-8000-000000000003',
            companyId: '0190a0a0-0000-7000-8000-000000000004',
            status: 'submitted',
          },
        },
      }),
    );
    await waitFor(
      async () => (await kv().where('key', '=', `event:${eventId}`).executeTakeFirst()) !== undefined,
      {
        timeoutMs: 15_000,
        message: 'the referral.created handler of the acme plugin',
      },
    );
    const row = await kv().where('key', '=', `event:${eventId}`).executeTakeFirstOrThrow();
    expect(row.value).toBe('0190a0a0-0000-7000-8000-000000000001');
  });
});

describe('stored plugin settings', () => {
  it('merges decrypted secret settings and runs one instance per stored row', async () => {
    const box = new SecretBox(TEST_SECRET_KEY);
    const server = await startTestServer({
      plugins: [acmePlugin],
      beforeBoot: async (db) => {
        for (const [instance, region] of [
          ['eu-org', 'eu'],
          ['us-org', 'us'],
        ] as const) {
          await db
            .insertInto('plugin_settings')
            .values({
              plugin_id: 'acme',
              instance,
              settings: json({ region }),
              secrets: instance === 'us-org' ? box.sealJson({ apiToken: 'tok_live_123' }) : null,
              updated_at: new Date(),
            })
            .execute();
        }
      },
    });
    try {
      const eu = await server.app.inject({ method: 'GET', url: '/plugins/acme/eu-org/hello' });
      const us = await server.app.inject({ method: 'GET', url: '/plugins/acme/us-org/hello' });
      expect(eu.json()).toEqual({ greeting: 'hello', region: 'eu', hasToken: false });
      expect(us.json()).toEqual({ greeting: 'hello', region: 'us', hasToken: true });
      expect(
        (await server.app.inject({ method: 'GET', url: '/plugins/acme/default/hello' })).statusCode,
      ).toBe(404);

      // A delivery names its subscriber by position within its own instance: with two instances subscribed, the
      // us-org delivery reaches us-org (it used to be a position among all subscribers, which shifts when another
      // instance is turned on or off while deliveries wait).
      const eventId = `evt-${Date.now()}`;
      const event = {
        id: eventId,
        type: 'referral.created',
        occurredAt: new Date().toISOString(),
        data: {
          referralId: '0190a0a0-0000-7000-8000-000000000001',
          trackId: '0190a0a0-0000-7000-8000-000000000002',
          participantId: '0190a0a0-0000-7000-8000-000000000003',
          companyId: '0190a0a0-0000-7000-8000-000000000004',
          status: 'submitted',
        },
      };
      const db = server.runtime.database.db;
      await writeOutbox(db, {
        jobName: 'domain-events.deliver',
        payload: { event, subscriber: 0, plugin: 'acme', instance: 'us-org' },
      });
      const stored = () =>
        db.selectFrom('plugin_kv').select(['namespace']).where('key', '=', `event:${eventId}`).execute();
      await waitFor(async () => (await stored()).length > 0, {
        timeoutMs: 15_000,
        message: 'the us-org subscriber',
      });
      expect(await stored()).toEqual([{ namespace: 'acme:us-org' }]);
    } finally {
      await server.close();
    }
  });
});

describe('a broken plugin stops the boot with its name in the message', () => {
  it('refuses a package named in WARMPATH_PLUGINS that does not exist', async () => {
    await expect(
      startTestServer({ env: { WARMPATH_PLUGINS: '@acme/warmpath-plugin-missing' } }),
    ).rejects.toThrow(/Cannot load plugin "@acme\/warmpath-plugin-missing".*cannot be imported/);
  });

  it('tells how to build and name a plugin that cannot be imported', async () => {
    await expect(
      startTestServer({ env: { WARMPATH_PLUGINS: '@acme/warmpath-plugin-missing' } }),
    ).rejects.toThrow(
      'build it first (pnpm --filter @acme/warmpath-plugin-missing build), then name its built entry (WARMPATH_PLUGINS=./plugins/warmpath-plugin-missing/dist/index.js) or its package name (WARMPATH_PLUGINS=@acme/warmpath-plugin-missing)',
    );
  });

  it('points a plugin folder loaded by path at its built entry', async () => {
    await expect(startTestServer({ env: { WARMPATH_PLUGINS: './plugins/erp' } })).rejects.toThrow(
      /cannot be imported: .*build it first \(pnpm --filter \.\/plugins\/erp build\), then name its built entry \(WARMPATH_PLUGINS=\.\/plugins\/erp\/dist\/index\.js\)/,
    );
  });

  it('refuses a plugin built for another SDK major, loaded by path', async () => {
    await expect(
      startTestServer({ env: { WARMPATH_PLUGINS: './src/testing/fixtures/future-sdk-plugin.ts' } }),
    ).rejects.toThrow(/Cannot load plugin "from-the-future"/);
  });

  it('refuses deploy-time config the plugin rejects', async () => {
    await expect(
      startTestServer({
        plugins: [acmePlugin],
        env: { WARMPATH_PLUGIN_CONFIG: JSON.stringify({ acme: { greeting: 42 } }) },
      }),
    ).rejects.toThrow(/Cannot load plugin "acme".*greeting/s);
  });

  it('refuses deploy-time config for a plugin that is not loaded, naming it and the loaded ones', async () => {
    await expect(
      startTestServer({
        plugins: [acmePlugin],
        env: { WARMPATH_PLUGIN_CONFIG: JSON.stringify({ acme: {}, acmee: { greeting: 'hi' } }) },
      }),
    ).rejects.toThrow(/WARMPATH_PLUGIN_CONFIG .*not loaded: "acmee"\. Loaded plugins: "fraud", "acme"/);
  });
});
