import {
  PLUGIN_SETTINGS_CHANNEL,
  type PluginSettingsChange,
  parsePluginSettingsChange,
  type SecretBox,
} from '@warmpath/core';
import type { Subscription, WarmpathDatabase } from '@warmpath/db';
import type { PluginHost } from '@warmpath/plugin-sdk';
import type { Logger } from '../logger.js';
import { type PluginSettingsStore, readStoredInstance } from './plugin-settings-source.js';

/** Live plugin settings of one process (docs/plugins-webhooks-and-live-settings.md "Live settings"). */
export interface LivePluginSettings {
  /** Starts listening for settings changes. */
  start(): Promise<void>;
  /** Stops listening and waits for a reload in progress. Idempotent. */
  stop(): Promise<void>;
  /** Reloads one instance from the database now (what a notice triggers). */
  reload(change: PluginSettingsChange): Promise<void>;
}

export interface LivePluginSettingsOptions {
  database: WarmpathDatabase;
  pluginHost: PluginHost;
  /** The settings the host reads: updated before each reload. */
  store: PluginSettingsStore;
  secretBox: SecretBox;
  logger: Logger;
  /** Called after each instance reload, inside the reload queue (the server syncs plugin schedules here). */
  onReloaded?: () => Promise<void>;
}

/**
 * Keeps this process's plugin instances in step with their stored settings. Every change commits a notice on the
 * settings channel (`PluginSettingsService`); each API and worker process listens (a dedicated `pg` connection on
 * Postgres, the embedded database's own listener on PGlite), reads the instance's row and has the plugin host
 * re-register it. Reloads run one at a time, so two quick changes apply in the order they were heard. After a
 * lost listening connection every instance is reloaded, since notices sent meanwhile were missed.
 */
export function createLivePluginSettings(options: LivePluginSettingsOptions): LivePluginSettings {
  const { database, pluginHost, store, secretBox } = options;
  const logger = options.logger.child({ component: 'live-plugin-settings' });
  let subscription: Subscription | undefined;
  let queue: Promise<void> = Promise.resolve();

  const reloadNow = async ({ pluginId, instance }: PluginSettingsChange): Promise<void> => {
    const stored = await readStoredInstance(database.db, secretBox, pluginId, instance);
    store.set(pluginId, instance, stored.settings);
    const summary = pluginHost.reloadInstance(pluginId, instance, { enabled: stored.enabled });
    if (!summary) {
      logger.warn(
        { plugin: pluginId, instance },
        'settings changed for an instance this process did not load; restart to load it',
      );
      return;
    }
    logger.info(
      { plugin: pluginId, instance, status: summary.status, problems: summary.problems },
      'plugin instance reloaded',
    );
    await options.onReloaded?.();
  };

  const reload = (change: PluginSettingsChange): Promise<void> => {
    const next = queue.then(() => reloadNow(change));
    // A failed reload (the database is away, the plugin's register() throws) keeps the instance as it was.
    queue = next.catch((error: unknown) => {
      logger.error(
        { err: error, plugin: change.pluginId, instance: change.instance },
        'plugin instance not reloaded; it keeps its previous settings',
      );
    });
    return next;
  };

  const reloadAll = () => {
    for (const plugin of pluginHost.plugins()) {
      for (const { instance } of plugin.instances)
        void reload({ pluginId: plugin.id, instance }).catch(() => {});
    }
  };

  return {
    async start() {
      if (subscription) return;
      subscription = await database.listen(PLUGIN_SETTINGS_CHANNEL, {
        onNotification(payload) {
          const change = parsePluginSettingsChange(payload);
          if (change) void reload(change).catch(() => {});
          else logger.warn({ payload }, 'ignored a malformed notice on the plugin settings channel');
        },
        onReconnect: reloadAll,
        onError: (error) =>
          logger.warn({ err: error }, 'plugin settings listener lost its connection; reconnecting'),
      });
    },
    async stop() {
      const current = subscription;
      subscription = undefined;
      await current?.close();
      await queue;
    },
    reload,
  };
}
