import { CRM_APPLY_CHANGES_JOB, REWARDS_APPLY_STATUS_JOB } from '@warmpath/core';
import { waitFor } from '@warmpath/jobs/testing';
import { definePlugin } from '@warmpath/plugin-sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import hooksPlugin, { HOOKS_SIGNATURE_HEADER, signHooksBody } from '../../testing/fixtures/hooks-plugin.js';
import { startTestServer, type TestServer, testStacks } from '../../testing/test-server.js';
import { buildApp } from '../build-app.js';

/** A reward provider whose webhook carries status updates, authenticated by a shared token header. */
const payouts = definePlugin({
  id: 'payouts',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}).default({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.rewards.add('cards', () => ({
      apiVersion: 1,
      verifyConnection: async () => ({ ok: true }),
      catalog: async () => [],
      issue: async () => {
        throw new Error('not used');
      },
      status: async (ref) => ({ ref, status: 'pending' }),
      async parseWebhook(request) {
        if (request.headers['x-payouts-token'] !== 'let-me-in')
          return { ok: false, status: 401, message: 'bad token' };
        return { ok: true, updates: [{ ref: 'order-9', status: 'delivered' }] };
      },
    }));
  },
});

// One stack, the production one when it runs here: the route logic does not depend on the stack, and a second
// server boot would double this file's time (the core service tests cover replays on both databases).
const stack = (await testStacks()).at(-1);
const SECRET = 'initial-secret';
const url = '/plugins/hooks/default/webhook';

const change = {
  kind: 'stage',
  occurredAt: '2026-12-01T10:00:00.000Z',
  opportunity: { system: 'fakecrm', object: 'Deal', id: 'D-1' },
  referralId: null,
  from: 'Discovery',
  to: 'Proposal',
  stageCategory: 'open',
};

describe(`plugin webhooks on ${stack?.name}`, () => {
  let server: TestServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    server = await startTestServer({ ...(stack ? { stack } : {}), plugins: [hooksPlugin, payouts] });
    // A second app on the same runtime with a short timeout, so the hanging plugin costs a moment.
    app = await buildApp(server.runtime, { pluginWebhooks: { timeoutMs: 300, bodyLimitBytes: 4096 } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  const post = (body: string, headers: Record<string, string> = {}, path = url) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        [HOOKS_SIGNATURE_HEADER]: signHooksBody(SECRET, body),
        ...headers,
      },
      payload: body,
    });
  const applyRows = () =>
    server.runtime.database.db
      .selectFrom('outbox')
      .select(['job_name', 'payload'])
      .where('job_name', '=', CRM_APPLY_CHANGES_JOB)
      .execute();

  it('accepts a signed delivery over its exact bytes and applies it once, a replay answering 409', async () => {
    // Spacing and key order a re-serialisation would lose: the signature covers these bytes.
    const body = `{"changes": [${JSON.stringify(change, null, 1)}],  "eventId":"evt-1"}`;
    const first = await post(body);
    expect(first.statusCode).toBe(202);
    expect((await post(body)).statusCode).toBe(409);
    // The provider's own delivery header (here on a new body) is remembered too.
    const other = JSON.stringify({ changes: [change] });
    expect((await post(other, { 'webhook-id': 'msg-7' })).statusCode).toBe(202);
    expect((await post(`${other} `, { 'webhook-id': 'msg-7' })).statusCode).toBe(409);
    const rows = await applyRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]?.payload).toEqual({ connectorKey: 'crm:hooks:default:main', changes: [change] });
  });

  it("counts the webhook route's calls in the instance's plugin health", async () => {
    const health = () => server.runtime.pluginHealth.instance('payouts', 'default', 'active');
    const before = health().calls;
    // A refused delivery (bad token) is still a call into the plugin, and leaves no row for the tests below.
    const response = await post('{}', { 'x-payouts-token': 'wrong' }, '/plugins/payouts/default/webhook');
    expect(response.statusCode).toBe(401);
    expect(health().calls).toBe(before + 1);
  });

  it('refuses a forged delivery with 401 and applies nothing', async () => {
    const before = (await applyRows()).length;
    const forged = await post(JSON.stringify({ changes: [change], eventId: 'evt-forged' }), {
      [HOOKS_SIGNATURE_HEADER]: signHooksBody('someone-elses-secret', '{}'),
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ error: 'refused', message: 'bad signature' });
    expect(await applyRows()).toHaveLength(before);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await post(JSON.stringify({ changes: [], padding: 'x'.repeat(5000) }));
    expect(response.statusCode).toBe(413);
  });

  it.each(['throw', 'hang', 'junk'])(
    'answers 503 with Retry-After when the plugin does %s, never a 500, and records nothing',
    async (behave) => {
      const body = JSON.stringify({ behave, eventId: `evt-${behave}` });
      const response = await post(body);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      // Nothing was remembered: the provider's retry is processed normally.
      const retried = await post(JSON.stringify({ eventId: `evt-${behave}` }));
      expect(retried.statusCode).toBe(202);
    },
  );

  it('answers 404 in JSON for an unknown plugin or instance', async () => {
    for (const path of ['/plugins/hooks/nope/webhook', '/plugins/nope/default/webhook']) {
      const response = await post('{}', {}, path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it("has the CRM sync engine apply the webhook's changes from the outbox", async () => {
    const changes = () =>
      server.runtime.database.db
        .selectFrom('crm_changes')
        .select(['connector_key', 'kind', 'outcome'])
        .where('connector_key', 'like', 'crm:hooks:default:%')
        .execute();
    await waitFor(async () => (await changes()).length > 0, {
      timeoutMs: 10_000,
      message: 'crm.apply-changes to record the stage change',
    });
    // An open stage with no referral named is recorded, never applied to a referral.
    expect((await changes())[0]).toMatchObject({ kind: 'stage', outcome: 'recorded' });
  });

  it("hands a reward provider's status updates on as a rewards.apply-status row", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/plugins/payouts/default/webhook',
      headers: { 'content-type': 'application/json', 'x-payouts-token': 'let-me-in', 'webhook-id': 'pay-1' },
      payload: '{}',
    });
    expect(response.statusCode, response.body).toBe(202);
    const rows = await server.runtime.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('job_name', '=', REWARDS_APPLY_STATUS_JOB)
      .execute();
    expect(rows.map((row) => row.payload)).toEqual([
      { providerKey: 'rewards:payouts:default:cards', updates: [{ ref: 'order-9', status: 'delivered' }] },
    ]);
  });

  it('is served by the server app as built for production too', async () => {
    const body = JSON.stringify({ eventId: 'evt-prod-app' });
    const response = await server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', [HOOKS_SIGNATURE_HEADER]: signHooksBody(SECRET, body) },
      payload: body,
    });
    expect(response.statusCode).toBe(202);
  });
});
