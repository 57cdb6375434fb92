import { SecretBox } from '@warmpath/core';
import type { WarmpathDatabase } from '@warmpath/db';
import type { JobQueue } from '@warmpath/jobs';
import pluginFraud from '@warmpath/plugin-fraud';
import {
  type AnyWarmpathPlugin,
  type Clock,
  createPluginHost,
  type HostPorts,
  type PluginEntry,
  type PluginHost,
} from '@warmpath/plugin-sdk';
import type { Config } from '../../config/load-config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../runtime.js';
import { coreFacades } from './core-facades.js';
import { DbCredentialVault } from './db-credential-vault.js';
import { DbKvStoreProvider } from './db-kv-store.js';
import { definePluginJobs } from './define-plugin-jobs.js';
import { type DomainEventListener, defineDomainEventJobs } from './domain-event-jobs.js';
import { createOutboxJobPort } from './outbox-job-port.js';
import type { PluginSchedules } from './plugin-schedules.js';
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
  /** Wakes this process's outbox dispatcher once a plugin's job is committed to the outbox. */
  wakeOutboxDispatcher?: () => void;
  /** Extra plugin objects (tests), loaded after the built-ins and WARMPATH_PLUGINS. */
  extraPlugins?: readonly AnyWarmpathPlugin[];
  /** The stored settings, when the caller keeps them to update later (live settings); else read here. */
  settings?: Awaited<ReturnType<typeof loadPluginSettings>>;
  /** Core's own subscribers of domain events (the CRM sync engine), run by the fan-out job. */
  domainEventListeners?: readonly DomainEventListener[];
}

/**
 * Loads built-in and configured plugins into a plugin host with database-backed ports (their jobs go through the
 * outbox), gives their jobs and schedules to the queue and creates every implementation once, so a broken plugin stops the boot with its name in the message.
 */
export async function loadPlugins(
  options: LoadPluginsOptions,
): Promise<{ host: PluginHost; schedules: PluginSchedules }> {
  const { config, logger, database, queue, clock, services } = options;
  const box = new SecretBox(options.secretKey);
  const settings = options.settings ?? (await loadPluginSettings(database.db, box));
  const configured = await Promise.all(config.WARMPATH_PLUGINS.map((name) => resolvePluginModule(name)));
  const plugins = [...BUILT_IN_PLUGINS, ...configured, ...(options.extraPlugins ?? [])];
  assertPluginConfigKnown(
    config.WARMPATH_PLUGIN_CONFIG,
    plugins.map((plugin) => plugin.id),
  );

  const entries: PluginEntry[] = plugins.flatMap((plugin) => {
    const stored = settings.instances.filter((i) => i.pluginId === plugin.id);
    // Disabled instances are loaded as `disabled` (registering nothing), so enabling one later reloads it live.
    const instances = stored.length > 0 ? stored : [{ instance: 'default', enabled: true }];
    const pluginConfig = config.WARMPATH_PLUGIN_CONFIG[plugin.id];
    return instances.map(({ instance, enabled }) => ({
      plugin,
      instance,
      enabled,
      ...(pluginConfig === undefined ? {} : { config: pluginConfig }),
    }));
  });

  const ports: HostPorts = {
    logger: logger.child({ component: 'plugins' }),
    http: (input, init) => fetch(input, init),
    clock,
    kv: new DbKvStoreProvider(database.db, clock),
    credentials: new DbCredentialVault(database.db, box, clock),
    jobs: createOutboxJobPort({
      db: database.db,
      wakeDispatcher: options.wakeOutboxDispatcher ?? (() => {}),
    }),
    settings: settings.source,
    // One set of facades per plugin instance, so its writes are audited as that plugin.
    services: (plugin) => coreFacades(services, plugin),
  };

  const host = createPluginHost({ ports, plugins: entries, publicUrl: config.PUBLIC_URL });
  host.resolveAll();
  const schedules = definePluginJobs(queue, () => host);
  defineDomainEventJobs(queue, host, services.webhooks, options.domainEventListeners);
  for (const plugin of host.plugins()) {
    for (const instance of plugin.instances.filter((i) => i.status === 'invalid-settings')) {
      logger.warn(
        { plugin: plugin.id, instance: instance.instance, problems: instance.problems },
        'plugin instance disabled',
      );
    }
  }
  return { host, schedules };
}
