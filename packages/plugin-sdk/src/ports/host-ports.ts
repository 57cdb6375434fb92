import type { PluginIdentity } from '../plugin/plugin-context.js';
import type { Clock } from './clock.js';
import type { CredentialVault } from './credentials.js';
import type { FetchLike } from './http-client.js';
import type { JobQueue } from './jobs.js';
import type { KvStoreProvider } from './kv.js';
import type { Logger } from './logger.js';
import type { CoreServices } from './services.js';
import type { SettingsSource } from './settings.js';

/**
 * What the host application supplies to the plugin host. The plugin host derives each plugin instance's ports
 * from them (a child logger, a kv namespace, a credential store…). `@warmpath/plugin-sdk/testing` has in-memory
 * ones.
 */
export interface HostPorts {
  logger: Logger;
  http: FetchLike;
  clock: Clock;
  kv: KvStoreProvider;
  credentials: CredentialVault;
  jobs: JobQueue;
  settings: SettingsSource;
  /**
   * The core service facades: one object for every plugin, or a function the host calls once per plugin
   * instance, so writes carry that plugin as their actor (`plugin:<id>`).
   */
  services: CoreServices | ((plugin: PluginIdentity) => CoreServices);
}
