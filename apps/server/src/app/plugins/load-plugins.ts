import { SecretBox } from '@warmpath/core';
import type { WarmpathDatabase } from '@warmpath/db';
import { defineJob, type JobQueue } from '@warmpath/jobs';
import pluginFraud from '@warmpath/plugin-fraud';
import {
  type AnyWarmpathPlugin,
  type Clock,
  createPluginHost,
  type HostPorts,
  type PluginEntry,
  type PluginHost,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import type { Config } from '../../config/load-config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../runtime.js';
import { coreFacades } from './core-facades.js';
import { DbCredentialVault } from './db-credential-vault.js';
import { DbKvStoreProvider } from './db-kv-store.js';
import { type DomainEventListener, defineDomainEventJobs } from './domain-event-jobs.js';
import { queueJobName } from './job-names.js';
import { loadPluginSettings } from './plugin-settings-source.js';
import { resolvePluginModule } from './resolve-plugin-module.js';
import { assertPluginConfigKnown } from './unknown-plugin-config.js';

/** Plugins every installation runs; WARMPATH_PLUGINS adds more. */
export const BUILT_IN_PLUGINS: readonly AnyWarmpathPlugin[] = [pluginFraud];

export interface LoadPluginsOptions {
  config: Config;
  logger: Logger;
  database: WarmpathDatabase;
  queue: JobQueue;
  clock: Clock;
  secretKey: string;
  services: Services;
  /** Extra plugin objects (tests), loaded after the built-ins and WARMPATH_PLUGINS. */
  extraPlugins?: readonly AnyWarmpathPlugin[];
  /** Core's own subscribers of domain events (the CRM sync engine), run by the fan-out job. */
  domainEventListeners?: readonly DomainEventListener[];
}

/**
 * Loads built-in and configured plugins into a plugin host with database-backed ports, gives their jobs to the
 * queue and creates every implementation once, so a broken plugin stops the boot with its name in the message.
 */
export async function loadPlugins(options: LoadPluginsOptions): Promise<PluginHost> {
  const { config, logger, database, queue, clock, services } = options;
  const box = new SecretBox(options.secretKey);
  const settings = await loadPluginSettings(database.db, box);
  const configured = await Promise.all(config.WARMPATH_PLUGINS.map((name) => resolvePluginModule(name)));
  const plugins = [...BUILT_IN_PLUGINS, ...configured, ...(options.extraPlugins ?? [])];
  assertPluginConfigKnown(
    config.WARMPATH_PLUGIN_CONFIG,
    plugins.map((plugin) => plugin.id),
  );

  const entries: PluginEntry[] = plugins.flatMap((plugin) => {
    const stored = settings.instances.filter((i) => i.pluginId === plugin.id);
    const instances =
      stored.length > 0 ? stored.filter((i) => i.enabled).map((i) => i.instance) : ['default'];
    const pluginConfig = config.WARMPATH_PLUGIN_CONFIG[plugin.id];
    return instances.map((instance) => ({
      plugin,
      instance,
      ...(pluginConfig === undefined ? {} : { config: pluginConfig }),
    }));
  });

  const ports: HostPorts = {
    logger: logger.child({ component: 'plugins' }),
    http: (input, init) => fetch(input, init),
    clock,
    kv: new DbKvStoreProvider(database.db, clock),
    credentials: new DbCredentialVault(database.db, box, clock),
    jobs: {
      enqueue: async (name, payload, enqueueOptions) => {
        const { id } = await queue.enqueue(queueJobName(name), payload, enqueueOptions);
        return { id };
      },
    },
    settings: settings.source,
    // One set of facades per plugin instance, so its writes are audited as that plugin.
    services: (plugin) => coreFacades(services, plugin),
  };

  const host = createPluginHost({ ports, plugins: entries, publicUrl: config.PUBLIC_URL });
  host.resolveAll();
  for (const job of host.jobs()) {
    queue.define(
      defineJob({
        name: queueJobName(job.name),
        // The plugin host validates the payload against the plugin's own schema inside `run`.
        schema: z.unknown(),
        handler: (payload, ctx) => job.run(payload, { id: ctx.id, name: job.name, attempt: ctx.attempt }),
      }),
    );
  }
  defineDomainEventJobs(queue, host, services.webhooks, options.domainEventListeners);
  for (const plugin of host.plugins()) {
    for (const instance of plugin.instances.filter((i) => i.status !== 'active')) {
      logger.warn(
        { plugin: plugin.id, instance: instance.instance, problems: instance.problems },
        'plugin instance disabled',
      );
    }
  }
  return host;
}
