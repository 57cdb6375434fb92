import type { InjectionToken } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CrmConnectorToken } from '../extension-points/crm-connector.js';
import {
  EXTENSION_POINT_TOKENS,
  EXTENSION_POINTS,
  type ExtensionImplementation,
} from '../extension-points/extension-points.js';
import { FraudRuleToken } from '../extension-points/fraud-rule.js';
import { definePlugin } from '../plugin/define-plugin.js';
import type { PluginContext } from '../plugin/plugin-context.js';
import type { HostPorts } from '../ports/host-ports.js';
import { createSamplePlugin } from '../test-fixtures/sample-plugin.js';
import {
  createTestHost,
  FakeClock,
  InMemoryCoreServices,
  InMemoryCredentialVault,
  InMemoryJobQueue,
  InMemoryKvStoreProvider,
  loopbackOnlyFetch,
  RecordingLogger,
  sampleCompany,
  sampleContact,
  sampleFraudContext,
  sampleReferral,
} from '../testing/index.js';
import { SDK_VERSION } from '../version.js';
import { createPluginHost } from './create-plugin-host.js';
import { PluginLoadError } from './plugin-load-error.js';

function fakePorts(settings: Record<string, unknown> = {}): HostPorts & { logger: RecordingLogger } {
  const clock = new FakeClock();
  return {
    logger: new RecordingLogger(),
    http: loopbackOnlyFetch,
    clock,
    kv: new InMemoryKvStoreProvider(clock),
    credentials: new InMemoryCredentialVault(),
    jobs: new InMemoryJobQueue(clock),
    settings: { get: (pluginId, instance) => settings[`${pluginId}:${instance}`] },
    services: new InMemoryCoreServices(),
  };
}

function loadError(load: () => unknown): PluginLoadError {
  try {
    load();
  } catch (error) {
    if (error instanceof PluginLoadError) return error;
    throw error;
  }
  throw new Error('expected a PluginLoadError');
}

/** A minimal plugin whose register runs the given body. */
function pluginWith(register: (ctx: PluginContext<unknown, Record<string, unknown>>) => void, sdk = '^1') {
  return definePlugin({
    id: 'probe',
    version: '0.0.1',
    sdk,
    configSchema: z.unknown(),
    settingsSchema: z.object({}),
    register,
  });
}

describe('loading plugins', () => {
  it('refuses a plugin whose sdk range the host SDK does not satisfy, naming the plugin and the range', () => {
    const error = loadError(() =>
      createPluginHost({
        ports: fakePorts(),
        plugins: [{ plugin: createSamplePlugin() }],
        sdkVersion: '2.0.0',
      }),
    );
    expect(error.pluginId).toBe('sample');
    expect(error.message).toContain('"sample"');
    expect(error.message).toContain('^1');
    expect(error.message).toContain('2.0.0');
  });

  it('checks ranges against SDK_VERSION by default', () => {
    expect(SDK_VERSION).toBe('1.0.0');
    expect(() =>
      createPluginHost({ ports: fakePorts(), plugins: [{ plugin: pluginWith(() => {}, '^1.0.0') }] }),
    ).not.toThrow();
    const error = loadError(() =>
      createPluginHost({ ports: fakePorts(), plugins: [{ plugin: pluginWith(() => {}, '^2') }] }),
    );
    expect(error.message).toMatch(
      /"probe".*requires @warmpath\/plugin-sdk \^2, but this host provides 1\.0\.0/,
    );
  });

  it('refuses a bad config with a message naming the plugin and the field', () => {
    const error = loadError(() =>
      createPluginHost({
        ports: fakePorts(),
        plugins: [{ plugin: createSamplePlugin(), config: { region: 'mars' } }],
      }),
    );
    expect(error.message).toContain('Cannot load plugin "sample"');
    expect(error.message).toContain('config is invalid');
    expect(error.message).toContain('region');
  });

  it('refuses something that is not a plugin', () => {
    const notAPlugin = { id: 'impostor', register() {} };
    const error = loadError(() =>
      // @ts-expect-error: a plain object is not a WarmpathPlugin; plain-JS hosts can still pass one.
      createPluginHost({ ports: fakePorts(), plugins: [{ plugin: notAPlugin }] }),
    );
    expect(error.message).toContain('"impostor"');
    expect(error.message).toContain('not a Warmpath plugin');
  });

  it('refuses an asynchronous register() and a failing one, naming the plugin', () => {
    const asyncRegister = loadError(() =>
      createPluginHost({ ports: fakePorts(), plugins: [{ plugin: pluginWith(async () => {}) }] }),
    );
    expect(asyncRegister.message).toContain('"probe"');
    expect(asyncRegister.message).toContain('synchronous');
    const failing = loadError(() =>
      createPluginHost({
        ports: fakePorts(),
        plugins: [
          {
            plugin: pluginWith(() => {
              throw new Error('boom');
            }),
          },
        ],
      }),
    );
    expect(failing.message).toContain('register() failed: boom');
  });

  it('refuses the same instance twice and malformed names', () => {
    const plugin = createSamplePlugin();
    expect(
      loadError(() => createPluginHost({ ports: fakePorts(), plugins: [{ plugin }, { plugin }] })).message,
    ).toContain('instance "default" is listed twice');
    expect(
      loadError(() => createPluginHost({ ports: fakePorts(), plugins: [{ plugin, instance: 'EU West' }] }))
        .message,
    ).toContain('instance name');
    const badName = pluginWith((ctx) =>
      ctx.fraud.add('Bad Name', () => ({
        apiVersion: 1,
        description: 'x',
        evaluate: () => ({ score: 0, flags: [] }),
      })),
    );
    expect(
      loadError(() => createPluginHost({ ports: fakePorts(), plugins: [{ plugin: badName }] })).message,
    ).toContain('"Bad Name"');
  });

  it('refuses route paths that could escape the plugin prefix', () => {
    for (const path of ['health', '/../admin', '/a/*']) {
      const plugin = pluginWith((ctx) =>
        ctx.http.route({ method: 'GET', path, handler: () => ({ status: 200 }) }),
      );
      expect(
        loadError(() => createPluginHost({ ports: fakePorts(), plugins: [{ plugin }] })).message,
      ).toContain('route path');
    }
  });

  it('ends registration when register() returns', async () => {
    let captured: PluginContext<unknown, Record<string, unknown>> | undefined;
    createPluginHost({ ports: fakePorts(), plugins: [{ plugin: pluginWith((ctx) => (captured = ctx)) }] });
    expect(() => captured?.jobs.define('late', { payload: z.object({}), handler: async () => {} })).toThrow(
      /after register\(\) returned/,
    );
    expect(() => captured?.events.on('referral.created', () => {})).toThrow(PluginLoadError);
  });
});

describe('settings', () => {
  it('disables an instance whose stored settings are invalid, and says why, without stopping the others', () => {
    const ports = fakePorts({ 'sample:broken': { webhookSecret: 'short' } });
    const plugin = createSamplePlugin();
    const host = createPluginHost({ ports, plugins: [{ plugin }, { plugin, instance: 'broken' }] });
    const [summary] = host.plugins();
    expect(summary?.instances).toEqual([
      expect.objectContaining({ instance: 'default', status: 'active' }),
      expect.objectContaining({ instance: 'broken', status: 'invalid-settings', implementations: [] }),
    ]);
    expect(summary?.instances[1]?.problems.join()).toContain('webhookSecret');
    expect(host.list('fraud').map((entry) => entry.instance)).toEqual(['default']);
    expect(ports.logger.find('warn', 'settings are invalid')).toHaveLength(1);
  });

  it('throws instead when asked to', () => {
    const ports = fakePorts({ 'sample:default': { velocityLimit: -1 } });
    const error = loadError(() =>
      createPluginHost({ ports, plugins: [{ plugin: createSamplePlugin() }], onInvalidSettings: 'throw' }),
    );
    expect(error.message).toContain('"sample"');
    expect(error.message).toContain('velocityLimit');
  });

  it('describes each plugin with its settings form schema, secrets flagged', () => {
    const { host } = createTestHost({ plugins: [createSamplePlugin()] });
    const [summary] = host.plugins();
    expect(summary).toMatchObject({ id: 'sample', version: '1.2.3', sdk: '^1', displayName: 'Sample' });
    expect(summary?.secretSettings).toEqual(['webhookSecret']);
    expect(summary?.settingsJsonSchema.properties?.webhookSecret).toMatchObject({
      secret: true,
      writeOnly: true,
    });
    expect(summary?.settingsJsonSchema.properties?.velocityLimit).not.toHaveProperty('secret');
  });
});

describe('implementations', () => {
  it('lets two instances of one plugin coexist, each with its own settings, config and storage', async () => {
    const plugin = createSamplePlugin();
    const { host } = createTestHost({
      plugins: [
        { plugin, instance: 'emea', config: { region: 'eu' } },
        { plugin, instance: 'amer', config: { region: 'us' } },
      ],
      settings: { 'sample:emea': { velocityLimit: 3 }, 'sample:amer': { velocityLimit: 10 } },
    });
    expect(host.list('fraud').map((entry) => entry.key)).toEqual([
      'fraud:sample:emea:velocity',
      'fraud:sample:amer:velocity',
    ]);
    const busy = sampleFraudContext({ history: { participantReferralsLast24h: 5 } });
    expect(host.get('fraud', 'fraud:sample:emea:velocity')?.evaluate(busy).score).toBeGreaterThan(0);
    expect(host.get('fraud', 'fraud:sample:amer:velocity')?.evaluate(busy).score).toBe(0);

    const request = {
      idempotencyKey: 'reward-1',
      recipient: { email: 'riley@partner.example', name: 'Riley' },
      amount: 1000,
      currency: 'USD',
      kind: 'gift_card' as const,
    };
    const emea = await host.get('rewards', 'rewards:sample:emea:sample-rewards')?.issue(request);
    const amer = await host.get('rewards', 'rewards:sample:amer:sample-rewards')?.issue(request);
    expect(emea?.ref).not.toBe(amer?.ref);
  });

  it('gets an implementation only under its own point', () => {
    const { host } = createTestHost({ plugins: [createSamplePlugin()] });
    expect(host.get('fraud', 'fraud:sample:default:velocity')).toBeDefined();
    expect(host.get('crm', 'fraud:sample:default:velocity')).toBeUndefined();
    expect(host.get('fraud', 'fraud:sample:default:missing')).toBeUndefined();
  });

  it('resolves every registered token, by key and by extension point token, to one instance each', () => {
    const plugin = createSamplePlugin();
    const { host } = createTestHost({ plugins: [plugin, { plugin, instance: 'second' }] });
    const resolved = host.resolveAll();
    expect(resolved).toHaveLength(EXTENSION_POINTS.length * 2);
    for (const entry of resolved) {
      expect(entry.impl.apiVersion).toBe(1);
      expect(host.container.isRegistered(entry.key)).toBe(true);
      expect(host.container.resolve(entry.key)).toBe(entry.impl);
    }
    for (const point of EXTENSION_POINTS) {
      const token: InjectionToken<ExtensionImplementation> = EXTENSION_POINT_TOKENS[point];
      const byToken = host.container.resolveAll(token);
      expect(byToken).toEqual(host.list(point).map((entry) => entry.impl));
      expect(byToken).toHaveLength(2);
    }
    expect(host.container.resolveAll(FraudRuleToken)[0]).toBe(
      host.get('fraud', 'fraud:sample:default:velocity'),
    );
  });

  it('reports a failing or invalid factory as a PluginLoadError naming the plugin and the key', () => {
    const failing = pluginWith((ctx) =>
      ctx.crm.add('broken', () => {
        throw new Error('missing client id');
      }),
    );
    const host = createPluginHost({ ports: fakePorts(), plugins: [{ plugin: failing }] });
    const error = loadError(() => host.resolveAll());
    expect(error.message).toContain('"probe"');
    expect(error.message).toContain('crm:probe:default:broken');
    expect(error.message).toContain('missing client id');
    expect(() => host.container.resolveAll(CrmConnectorToken)).toThrow(PluginLoadError);

    const outdated = pluginWith((ctx) =>
      ctx.fraud.add('future', () => ({
        // @ts-expect-error: apiVersion 2 is not this SDK's; a plugin built against another SDK could return it.
        apiVersion: 2,
        description: 'x',
        evaluate: () => ({ score: 0, flags: [] }),
      })),
    );
    const outdatedHost = createPluginHost({ ports: fakePorts(), plugins: [{ plugin: outdated }] });
    expect(loadError(() => outdatedHost.resolveAll()).message).toContain('apiVersion 2');
  });

  it('creates implementations lazily, with the context of their instance', () => {
    let created = 0;
    const plugin = pluginWith((ctx) =>
      ctx.fraud.add('counted', (c) => {
        created += 1;
        return {
          apiVersion: 1,
          description: `rule of ${c.plugin.instance}`,
          evaluate: () => ({ score: 0, flags: [] }),
        };
      }),
    );
    const host = createPluginHost({ ports: fakePorts(), plugins: [{ plugin, instance: 'blue' }] });
    expect(created).toBe(0);
    expect(host.list('fraud')[0]?.impl.description).toBe('rule of blue');
    host.resolveAll();
    expect(created).toBe(1);
  });
});

describe('routes, jobs and events', () => {
  it('mounts routes under /plugins/<id>/<instance>', async () => {
    const plugin = createSamplePlugin();
    const testHost = createTestHost({
      plugins: [plugin, { plugin, instance: 'us', config: { region: 'us' } }],
    });
    expect(testHost.host.routes().map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /plugins/sample/default/health',
      'POST /plugins/sample/default/webhooks/:source',
      'GET /plugins/sample/us/health',
      'POST /plugins/sample/us/webhooks/:source',
    ]);
    for (const route of testHost.host.routes()) expect(route.path.startsWith(`${route.prefix}/`)).toBe(true);
    const health = await testHost.request({ method: 'GET', path: '/plugins/sample/us/health' });
    expect(health).toEqual({ status: 200, body: { ok: true, region: 'us', instance: 'us' } });
    const webhook = await testHost.request({
      method: 'POST',
      path: '/plugins/sample/default/webhooks/stripe',
      body: {},
    });
    expect(webhook).toEqual({ status: 202, body: { source: 'stripe' } });
    expect((await testHost.request({ method: 'GET', path: '/health' })).status).toBe(404);
  });

  it('builds absolute URLs of routes from the public URL', () => {
    let url = '';
    const plugin = pluginWith((ctx) => {
      url = ctx.http.url('/oauth/callback');
    });
    createPluginHost({
      ports: fakePorts(),
      plugins: [{ plugin, instance: 'emea' }],
      publicUrl: 'https://refer.example.com',
    });
    expect(url).toBe('https://refer.example.com/plugins/probe/emea/oauth/callback');
    createPluginHost({
      ports: fakePorts(),
      plugins: [{ plugin }],
      publicUrl: 'https://example.com/warmpath/',
    });
    expect(url).toBe('https://example.com/warmpath/plugins/probe/default/oauth/callback');
  });

  it('registers jobs under qualified names and event handlers by type', () => {
    const plugin = createSamplePlugin();
    const { host } = createTestHost({ plugins: [plugin, { plugin, instance: 'second' }] });
    expect(host.jobs().map((job) => job.name)).toEqual([
      'plugin:sample:default:sync-referral',
      'plugin:sample:second:sync-referral',
    ]);
    expect(host.eventHandlers('referral.created').map((handler) => handler.instance)).toEqual([
      'default',
      'second',
    ]);
    expect(host.eventHandlers('participant.created')).toEqual([]);
  });

  it('runs an event handler that enqueues a job, once per idempotency key, and the job through the ports', async () => {
    const testHost = createTestHost({ plugins: [createSamplePlugin()] });
    const referral = sampleReferral({ id: 'referral-42' });
    testHost.services.referrals.put({ referral, company: sampleCompany(), contacts: [sampleContact()] });
    const data = {
      referralId: 'referral-42',
      trackId: referral.trackId,
      participantId: referral.participantId,
      companyId: referral.companyId,
      status: 'submitted' as const,
    };
    await testHost.events.emit('referral.created', data);
    await testHost.events.emit('referral.created', data);
    expect(testHost.jobs.waiting()).toHaveLength(1);

    const drained = await testHost.jobs.drain();
    expect(drained.completed.map((job) => job.name)).toEqual(['plugin:sample:default:sync-referral']);
    expect(await testHost.kv.namespace('sample:default').get('synced:referral-42')).toEqual({
      lead: 'lead-1',
      attempt: 1,
    });
  });

  it('refuses malformed events and job payloads before they reach the plugin', async () => {
    const testHost = createTestHost({ plugins: [createSamplePlugin()] });
    // @ts-expect-error: the data lacks required fields.
    await expect(testHost.events.emit('referral.created', { referralId: 'r' })).rejects.toThrow();
    const [job] = testHost.host.jobs();
    await expect(job?.run({ referralId: 42 }, { id: 'j', name: job.name, attempt: 1 })).rejects.toThrow();
  });

  it('collects schedules of defined jobs under their qualified names', () => {
    const plugin = pluginWith((c) => {
      c.jobs.define('refresh', { payload: z.object({ full: z.boolean() }), handler: async () => {} });
      c.jobs.schedule('refresh', { every: '5m', payload: { full: false }, jitterMs: 30_000 });
    });
    const host = createPluginHost({ ports: fakePorts(), plugins: [{ plugin, instance: 'eu' }] });
    expect(host.schedules()).toEqual([
      {
        job: 'plugin:probe:eu:refresh',
        plugin: 'probe',
        instance: 'eu',
        every: '5m',
        payload: { full: false },
        jitterMs: 30_000,
      },
    ]);
  });

  it('refuses schedules of undefined jobs, bad payloads or options, twice, or after register()', () => {
    const define = (c: PluginContext<unknown, Record<string, unknown>>) =>
      c.jobs.define('refresh', { payload: z.object({ full: z.boolean() }), handler: async () => {} });
    const load = (register: (c: PluginContext<unknown, Record<string, unknown>>) => void) =>
      loadError(() => createPluginHost({ ports: fakePorts(), plugins: [{ plugin: pluginWith(register) }] }));

    expect(load((c) => c.jobs.schedule('refresh', { every: '1m' })).message).toMatch(/did not define/);
    expect(
      load((c) => {
        define(c);
        c.jobs.schedule('refresh', { every: '1m', payload: { full: 'yes' } });
      }).message,
    ).toMatch(/invalid payload in the schedule/);
    expect(
      load((c) => {
        define(c);
        c.jobs.schedule('refresh', { every: '1m', cron: '* * * * *', payload: { full: true } });
      }).message,
    ).toMatch(/exactly one of `every` and `cron`/);
    expect(
      load((c) => {
        define(c);
        c.jobs.schedule('refresh', { every: '1m', payload: { full: true } });
        c.jobs.schedule('refresh', { every: '2m', payload: { full: true } });
      }).message,
    ).toMatch(/twice/);
    let captured: PluginContext<unknown, Record<string, unknown>> | undefined;
    createPluginHost({
      ports: fakePorts(),
      plugins: [
        {
          plugin: pluginWith((c) => {
            captured = c;
            define(c);
          }),
        },
      ],
    });
    expect(() => captured?.jobs.schedule('refresh', { every: '1m', payload: { full: true } })).toThrow(
      /after register\(\) returned/,
    );
  });

  it('validates payloads a plugin enqueues, and only for jobs it defined', async () => {
    let ctx: PluginContext<unknown, Record<string, unknown>> | undefined;
    const plugin = pluginWith((c) => {
      ctx = c;
      c.jobs.define('count', { payload: z.object({ n: z.number() }), handler: async () => {} });
    });
    const ports = fakePorts();
    createPluginHost({ ports, plugins: [{ plugin }] });
    await expect(ctx?.jobs.enqueue('count', { n: 'one' })).rejects.toThrow(/Invalid payload/);
    await expect(ctx?.jobs.enqueue('other', {})).rejects.toThrow(/no job "other"/);
    await expect(ctx?.jobs.enqueue('count', { n: 1 }, { delay: 5000 })).resolves.toEqual({
      id: expect.any(String),
    });
  });
});
