import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FraudRuleToken } from '../extension-points/fraud-rule.js';
import { definePlugin } from '../plugin/define-plugin.js';
import type { HostPorts } from '../ports/host-ports.js';
import {
  FakeClock,
  InMemoryCoreServices,
  InMemoryCredentialVault,
  InMemoryJobQueue,
  InMemoryKvStoreProvider,
  loopbackOnlyFetch,
  RecordingLogger,
  sampleFraudContext,
} from '../testing/index.js';
import { createPluginHost } from './create-plugin-host.js';
import { PluginLoadError } from './plugin-load-error.js';

/** A plugin whose one fraud rule scores what its settings say, with a route answering the same number. */
const scoring = definePlugin({
  id: 'scoring',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}).default({}),
  settingsSchema: z.object({
    score: z.number().int().min(0).max(100).default(0),
    breakFactory: z.boolean().default(false),
  }),
  register(ctx) {
    ctx.fraud.add('fixed', (context) => {
      if (context.settings.breakFactory) throw new Error('factory broke');
      return {
        apiVersion: 1,
        description: 'Scores what its settings say.',
        evaluate: () => ({ score: context.settings.score, flags: [] }),
      };
    });
    ctx.http.route({
      method: 'GET',
      path: '/score',
      handler: async () => ({ status: 200, body: { score: ctx.settings.score } }),
    });
    ctx.events.on('referral.created', async () => {});
  },
});

function hostWith(settings: Map<string, unknown>) {
  const clock = new FakeClock();
  const ports: HostPorts = {
    logger: new RecordingLogger(),
    http: loopbackOnlyFetch,
    clock,
    kv: new InMemoryKvStoreProvider(clock),
    credentials: new InMemoryCredentialVault(),
    jobs: new InMemoryJobQueue(clock),
    settings: { get: (pluginId, instance) => settings.get(`${pluginId}:${instance}`) },
    services: new InMemoryCoreServices(),
  };
  return createPluginHost({ ports, plugins: [{ plugin: scoring }] });
}

const scoreOf = (host: ReturnType<typeof hostWith>) =>
  host.get('fraud', 'fraud:scoring:default:fixed')?.evaluate(sampleFraudContext()).score;

describe('reloading an instance', () => {
  it('swaps in implementations, routes and event handlers built with the new settings', async () => {
    const settings = new Map<string, unknown>([['scoring:default', { score: 10 }]]);
    const host = hostWith(settings);
    expect(scoreOf(host)).toBe(10);

    settings.set('scoring:default', { score: 40 });
    expect(host.reloadInstance('scoring', 'default')?.status).toBe('active');

    expect(scoreOf(host)).toBe(40);
    expect(host.list('fraud')).toHaveLength(1);
    expect(host.container.resolveAll(FraudRuleToken)).toHaveLength(1);
    const route = host.routes().find((candidate) => candidate.path === '/plugins/scoring/default/score');
    const response = await route?.handler({
      method: 'GET',
      path: '/plugins/scoring/default/score',
      params: {},
      query: {},
      headers: {},
      body: undefined,
      rawBody: null,
    });
    expect(response?.body).toEqual({ score: 40 });
    expect(host.eventHandlers('referral.created')).toHaveLength(1);
  });

  it('takes a disabled instance out of list() and routes() but keeps it listed, and brings it back', () => {
    const host = hostWith(new Map([['scoring:default', { score: 5 }]]));
    expect(host.reloadInstance('scoring', 'default', { enabled: false })?.status).toBe('disabled');
    expect(host.list('fraud')).toEqual([]);
    expect(host.routes()).toEqual([]);
    expect(host.eventHandlers('referral.created')).toEqual([]);
    expect(host.container.isRegistered(FraudRuleToken)).toBe(false);
    expect(host.plugins()[0]?.instances.map((instance) => instance.status)).toEqual(['disabled']);

    expect(host.reloadInstance('scoring', 'default', { enabled: true })?.status).toBe('active');
    expect(scoreOf(host)).toBe(5);
  });

  it('marks an instance whose new settings are invalid invalid-settings, as at boot', () => {
    const settings = new Map<string, unknown>([['scoring:default', { score: 5 }]]);
    const host = hostWith(settings);
    settings.set('scoring:default', { score: 500 });
    const summary = host.reloadInstance('scoring', 'default');
    expect(summary?.status).toBe('invalid-settings');
    expect(summary?.problems.join()).toContain('score');
    expect(host.list('fraud')).toEqual([]);
  });

  it('keeps the loaded instance serving when the new one cannot be created', () => {
    const settings = new Map<string, unknown>([['scoring:default', { score: 7 }]]);
    const host = hostWith(settings);
    settings.set('scoring:default', { score: 8, breakFactory: true });
    expect(() => host.reloadInstance('scoring', 'default')).toThrow(PluginLoadError);
    expect(scoreOf(host)).toBe(7);
  });

  it('adds an instance that was not loaded with setInstance, and knows nothing of an unknown one', () => {
    const host = hostWith(new Map([['scoring:second', { score: 3 }]]));
    expect(host.reloadInstance('scoring', 'second')).toBeUndefined();
    expect(host.setInstance({ plugin: scoring, instance: 'second' }).status).toBe('active');
    expect(host.list('fraud').map((entry) => entry.key)).toEqual([
      'fraud:scoring:default:fixed',
      'fraud:scoring:second:fixed',
    ]);
  });
});
