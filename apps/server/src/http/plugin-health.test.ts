import { definePlugin } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { dataOf, ownerCaller, type StaffCaller } from './trpc/admin/admin-test-kit.js';

/** A model that works, one that answers junk, and a notifier whose check fails. */
const probePlugin = definePlugin({
  id: 'probe',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    ctx.attribution.add('first', () => ({
      apiVersion: 1,
      description: 'All credit to the first touchpoint.',
      attribute: (touchpoints) => touchpoints.slice(0, 1).map((t) => ({ touchpointId: t.id, credit: 1 })),
    }));
    ctx.attribution.add('junk', () => ({
      apiVersion: 1,
      description: 'Loses credit.',
      attribute: (touchpoints) => touchpoints.map((t) => ({ touchpointId: t.id, credit: 0.1 })),
    }));
    ctx.notifiers.add('chat', () => ({
      apiVersion: 1,
      channel: 'chat',
      send: async () => ({ id: 'm' }),
      verifyConnection: async () => ({ ok: false, message: 'Token expired' }),
    }));
  },
});

const touchpoint = {
  id: 'tp-1',
  kind: 'click' as const,
  occurredAt: '2026-01-01T00:00:00.000Z',
  participantId: null,
  referralId: null,
  companyId: null,
  channel: null,
  properties: {},
};
const conversion = {
  id: 'c-1',
  kind: 'closed_won',
  occurredAt: '2026-02-01T00:00:00.000Z',
  companyId: null,
  opportunityId: null,
  amount: null,
  currency: null,
};

describe('plugin health on /metrics and in the console API', () => {
  let server: TestServer;
  let owner: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ plugins: [probePlugin] });
    owner = await ownerCaller(server);
    const { attribution } = server.runtime.engines;
    attribution.run('first', [touchpoint], conversion);
    expect(() => attribution.run('junk', [touchpoint], conversion)).toThrow(/sum to 0.1/);
    await owner.mutation('admin.plugins.testConnection', { pluginId: 'probe', instance: 'default' });
  });
  afterAll(() => server.close());

  it('exports calls by outcome, their latency, refused answers and each instance’s state', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    const body = res.body;
    expect(body).toContain(
      'warmpath_plugin_calls_total{plugin="probe",instance="default",point="attribution",outcome="ok"} 2',
    );
    expect(body).toContain(
      'warmpath_plugin_calls_total{plugin="probe",instance="default",point="notifiers",outcome="ok"} 1',
    );
    expect(body).toMatch(
      /warmpath_plugin_call_duration_seconds_count\{plugin="probe",instance="default",point="attribution"\} 2/,
    );
    expect(body).toContain(
      'warmpath_plugin_rejected_answers_total{plugin="probe",instance="default",point="attribution"} 1',
    );
    expect(body).toContain('warmpath_plugin_instance_state{plugin="probe",instance="default",state="ok"} 1');
    expect(body).toContain('warmpath_plugin_instance_state{plugin="fraud",instance="default",state="ok"} 1');
  });

  it('lists each instance’s health with its last error and last connection test', async () => {
    const plugins = dataOf(await owner.query('admin.plugins.list'));
    const probe = plugins.find((p: { id: string }) => p.id === 'probe');
    expect(probe.instances[0].health).toMatchObject({
      state: 'ok',
      calls: 3,
      errors: 1,
      lastError: { message: expect.stringMatching(/sum to 0.1/) },
      lastTest: { ok: false, message: 'notifiers:probe:default:chat: Token expired' },
    });
  });
});
