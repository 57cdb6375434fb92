import type { PluginHttpResponse } from '../dto/plugin-http.schema.js';
import type { ExtensionPointName, ExtensionPointTypes } from '../extension-points/extension-points.js';
import { createPluginHost } from '../host/create-plugin-host.js';
import type { PluginEntry, PluginHost } from '../host/plugin-host.js';
import { type AnyWarmpathPlugin, isWarmpathPlugin } from '../plugin/define-plugin.js';
import type { FetchLike } from '../ports/http-client.js';
import type { CoreServices } from '../ports/services.js';
import { FakeClock } from './fakes/fake-clock.js';
import { InMemoryCredentialVault } from './fakes/in-memory-credentials.js';
import { InMemoryJobQueue } from './fakes/in-memory-job-queue.js';
import { InMemoryKvStoreProvider } from './fakes/in-memory-kv.js';
import { InMemoryCoreServices } from './fakes/in-memory-services.js';
import { loopbackOnlyFetch } from './fakes/loopback-fetch.js';
import { RecordingLogger } from './fakes/recording-logger.js';
import { TestEventBus } from './fakes/test-event-bus.js';
import { callRoute, type TestRouteRequest } from './route-request.js';

/** Options of {@link createTestHost}. */
export interface TestHostOptions {
  /** Plugins to load: a plugin (default instance, no config) or an entry with config and instance. */
  plugins: ReadonlyArray<AnyWarmpathPlugin | PluginEntry>;
  /** Stored settings, keyed by plugin id (every instance) or `<id>:<instance>` (that instance). */
  settings?: Record<string, unknown>;
  /** The fake clock's start (default 2026-01-01T00:00:00Z). */
  now?: Date | string;
  /** The plugins' `fetch` (default: loopback addresses only). */
  fetch?: FetchLike;
  /** Replaces some in-memory core service facades. */
  services?: Partial<CoreServices>;
  /** Runs of a failing job before the queue marks it failed (default 1). */
  jobAttempts?: number;
  /** Defaults to `SDK_VERSION`. */
  sdkVersion?: string;
  publicUrl?: string;
}

/** A plugin host booted in-process with fake ports, and handles on the fakes. */
export interface TestHost {
  host: PluginHost;
  clock: FakeClock;
  logger: RecordingLogger;
  kv: InMemoryKvStoreProvider;
  credentials: InMemoryCredentialVault;
  /** Nothing runs until `jobs.drain()`. */
  jobs: InMemoryJobQueue;
  /** `events.emit(type, data)` runs the subscribed handlers. */
  events: TestEventBus;
  services: InMemoryCoreServices;
  /**
   * The implementation of `point` with this key, or with this name when it holds no `:` (must be unique);
   * throws when there is none.
   */
  get<P extends ExtensionPointName>(point: P, keyOrName: string): ExtensionPointTypes[P];
  /** Calls a plugin route by its full path. */
  request(request: TestRouteRequest): Promise<PluginHttpResponse>;
}

/**
 * Boots the plugin host in-process with in-memory ports (kv, credentials, drainable job queue, event bus, fake
 * clock, recording logger, core service facades). Invalid settings throw here instead of disabling the
 * instance, so a test sees the problem.
 */
export function createTestHost(options: TestHostOptions): TestHost {
  const clock = new FakeClock(options.now);
  const logger = new RecordingLogger();
  const kv = new InMemoryKvStoreProvider(clock);
  const credentials = new InMemoryCredentialVault();
  const jobs = new InMemoryJobQueue(clock, options.jobAttempts ?? 1);
  const services = new InMemoryCoreServices();
  const settings = options.settings ?? {};
  const host = createPluginHost({
    ports: {
      logger,
      http: options.fetch ?? loopbackOnlyFetch,
      clock,
      kv,
      credentials,
      jobs,
      settings: { get: (pluginId, instance) => settings[`${pluginId}:${instance}`] ?? settings[pluginId] },
      services: { ...services, ...options.services },
    },
    plugins: options.plugins.map((entry) => (isWarmpathPlugin(entry) ? { plugin: entry } : entry)),
    sdkVersion: options.sdkVersion,
    publicUrl: options.publicUrl,
    onInvalidSettings: 'throw',
  });
  jobs.useJobs(host.jobs());

  return {
    host,
    clock,
    logger,
    kv,
    credentials,
    jobs,
    services,
    events: new TestEventBus(() => host, clock),
    get(point, keyOrName) {
      if (keyOrName.includes(':')) {
        const impl = host.get(point, keyOrName);
        if (impl === undefined) throw new Error(`No ${point} implementation has the key "${keyOrName}"`);
        return impl;
      }
      const matches = host.list(point).filter((entry) => entry.name === keyOrName);
      const [match, ...others] = matches;
      if (!match || others.length > 0) {
        throw new Error(`Expected one ${point} implementation named "${keyOrName}", found ${matches.length}`);
      }
      return match.impl;
    },
    request: (request) => callRoute(host.routes(), request),
  };
}
