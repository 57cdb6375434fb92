import type { DependencyContainer } from 'tsyringe';
import type { z } from 'zod';
import type { JsonValue } from '../dto/json.schema.js';
import type { HttpMethod } from '../dto/plugin-http.schema.js';
import type {
  ExtensionImplementation,
  ExtensionPointName,
  ExtensionPointTypes,
} from '../extension-points/extension-points.js';
import type { AnyWarmpathPlugin } from '../plugin/define-plugin.js';
import type { PluginRouteHandler } from '../plugin/plugin-context.js';
import type { JsonSchema } from '../plugin/settings-json-schema.js';
import type { DomainEvent, DomainEventType } from '../ports/domain-events.schema.js';
import type { HostPorts } from '../ports/host-ports.js';
import type { JobRunContext } from '../ports/jobs.js';

/** One plugin to load. */
export interface PluginEntry {
  plugin: AnyWarmpathPlugin;
  /** Deploy-time config, validated by the plugin's `configSchema` (absent → `{}`). */
  config?: unknown;
  /** Instance name (default `default`); load a plugin twice with two names to run two instances. */
  instance?: string;
  /**
   * False loads the instance as `disabled`: it is listed by `plugins()` (so it can be enabled again) but registers
   * nothing. Defaults to true.
   */
  enabled?: boolean;
}

/** Options of `createPluginHost`. */
export interface PluginHostOptions {
  ports: HostPorts;
  plugins: readonly PluginEntry[];
  /** The SDK version plugins' `sdk` ranges are checked against; defaults to `SDK_VERSION`. */
  sdkVersion?: string;
  /** The public base URL (`PUBLIC_URL`) used by `ctx.http.url()`; defaults to `http://localhost:3000`. */
  publicUrl?: string;
  /** The container the plugin container is a child of; defaults to tsyringe's root container. */
  parentContainer?: DependencyContainer;
  /**
   * What to do with an instance whose stored settings do not validate: `disable` it (default: the server still
   * boots and the admin can fix the settings) or `throw` a `PluginLoadError`.
   */
  onInvalidSettings?: 'disable' | 'throw';
}

/** An implementation with where it came from. */
export interface RegisteredImplementation<T> {
  /** `point:plugin:instance:name`. */
  key: string;
  point: ExtensionPointName;
  plugin: string;
  instance: string;
  name: string;
  impl: T;
}

/** A plugin route, with the path the host mounts it at. */
export interface MountedRoute {
  plugin: string;
  instance: string;
  method: HttpMethod;
  /** `/plugins/<id>/<instance>`. */
  prefix: string;
  /** The full path: prefix + the plugin's path (`:name` segments kept for the router). */
  path: string;
  handler: PluginRouteHandler;
}

/** A job a plugin defined. */
export interface RegisteredJob {
  /** Qualified name: `plugin:<id>:<instance>:<name>`; the queue runs it under this name. */
  name: string;
  localName: string;
  plugin: string;
  instance: string;
  /** Validates the payload, then runs the plugin's handler. */
  run(payload: unknown, job: JobRunContext): Promise<void>;
}

/** A schedule a plugin declared for one of its jobs (`ctx.jobs.schedule`). */
export interface RegisteredSchedule {
  /** The qualified name of the scheduled job: `plugin:<id>:<instance>:<name>`. */
  job: string;
  plugin: string;
  instance: string;
  /** Exactly one of `every` and `cron` is set. */
  every?: string | number;
  cron?: string;
  /** Already validated against the job's schema. */
  payload: JsonValue;
  jitterMs?: number;
}

/** A plugin's subscription to a domain event type. */
export interface RegisteredEventHandler<T extends DomainEventType = DomainEventType> {
  plugin: string;
  instance: string;
  type: T;
  /** Validates the event, then runs the plugin's handler. */
  handle(event: DomainEvent<T>): Promise<void>;
}

/** The state of one loaded plugin instance. */
export interface LoadedPluginInstance {
  instance: string;
  /**
   * `invalid-settings`: the stored settings do not validate, so nothing of the instance was registered.
   * `disabled`: an admin turned the instance off; nothing of it is registered.
   */
  status: 'active' | 'invalid-settings' | 'disabled';
  /** Why the instance is not active (one line per settings issue). */
  problems: string[];
  /** Keys of the implementations it registered. */
  implementations: string[];
}

/** A loaded plugin, as the admin console lists it. */
export interface LoadedPlugin {
  id: string;
  version: string;
  sdk: string;
  displayName: string;
  description: string | undefined;
  instances: LoadedPluginInstance[];
  /** JSON Schema of the settings form (secrets flagged `secret: true`, `writeOnly: true`). */
  settingsJsonSchema: JsonSchema;
  /** Dotted paths of secret settings (stored encrypted, never returned). */
  secretSettings: string[];
  /** The plugin's zod settings schema: the host validates settings an admin saves with it before storing them. */
  settingsSchema: z.ZodType;
}

/** The loaded plugins and everything they registered. */
export interface PluginHost {
  /** The SDK version plugins were checked against. */
  readonly sdkVersion: string;
  /**
   * The child container holding every implementation (by key and by extension point token). A new container
   * replaces it whenever an instance is set or reloaded, so read it again rather than keeping it.
   */
  readonly container: DependencyContainer;
  /** Every implementation of a point, created on first use. */
  list<P extends ExtensionPointName>(point: P): RegisteredImplementation<ExtensionPointTypes[P]>[];
  /** The implementation under `key` if it belongs to `point`, else undefined. */
  get<P extends ExtensionPointName>(point: P, key: string): ExtensionPointTypes[P] | undefined;
  /**
   * Resolves every registered token (each key and each extension point token), creating every implementation.
   * Throws `PluginLoadError` naming the plugin when a factory fails or returns something that is not a valid
   * implementation.
   */
  resolveAll(): RegisteredImplementation<ExtensionImplementation>[];
  /** Routes to mount, each under `/plugins/<id>/<instance>`. */
  routes(): MountedRoute[];
  /** Jobs to give the queue's workers. */
  jobs(): RegisteredJob[];
  /** Schedules plugins declared for their jobs, for the queue to run. */
  schedules(): RegisteredSchedule[];
  /** Subscribers of a domain event type, in load order. */
  eventHandlers<T extends DomainEventType>(type: T): RegisteredEventHandler<T>[];
  /** The loaded plugins and the state of their instances. */
  plugins(): LoadedPlugin[];
  /**
   * Loads one instance, or replaces the loaded instance of that plugin and name, with its settings as
   * `ports.settings` holds them now (live settings: docs/plugins-webhooks-and-live-settings.md). The new instance's
   * context, implementations, routes, jobs and event handlers replace the old ones in one step; `enabled: false`
   * leaves it `disabled` and invalid settings leave it `invalid-settings`, as at boot (or throw with
   * `onInvalidSettings: 'throw'`). Throws `PluginLoadError` (the loaded instance is kept as it was) when the
   * config is invalid, `register()` fails or an implementation cannot be created.
   */
  setInstance(entry: PluginEntry): LoadedPluginInstance;
  /**
   * {@link setInstance} again for a loaded instance, with the same plugin and config and its current settings;
   * `enabled` switches it on or off (default: as it was). Undefined when no such instance was ever set.
   */
  reloadInstance(
    pluginId: string,
    instance: string,
    options?: { enabled?: boolean },
  ): LoadedPluginInstance | undefined;
}
