import type { HttpMethod, PluginHttpRequest, PluginHttpResponse } from '../dto/plugin-http.schema.js';
import type { ExtensionPointTypes } from '../extension-points/extension-points.js';
import type { Clock } from '../ports/clock.js';
import type { CredentialStore } from '../ports/credentials.js';
import type { PluginEvents } from '../ports/events.js';
import type { FetchLike } from '../ports/http-client.js';
import type { PluginJobs } from '../ports/jobs.js';
import type { KvStore } from '../ports/kv.js';
import type { Logger } from '../ports/logger.js';
import type { CoreServices } from '../ports/services.js';

/** Which plugin instance a context belongs to. */
export interface PluginIdentity {
  readonly id: string;
  readonly version: string;
  /** The instance name (`default` unless the host was told otherwise). */
  readonly instance: string;
}

/** Creates an implementation from the plugin context; called lazily, once per host. */
export type ImplementationFactory<T, Config, Settings> = (ctx: PluginContext<Config, Settings>) => T;

/** `ctx.crm`, `ctx.rewards`, …: adds implementations of one extension point. */
export interface ImplementationRegistrar<T, Config, Settings> {
  /**
   * Adds an implementation (during `register` only). Its key is `point:plugin:instance:name`.
   * @param name lower-case letters, digits and dashes; unique per point within the plugin.
   */
  add(name: string, factory: ImplementationFactory<T, Config, Settings>): void;
}

/** Answers a plugin route. */
export type PluginRouteHandler = (
  request: PluginHttpRequest,
) => Promise<PluginHttpResponse> | PluginHttpResponse;

/** A route a plugin mounts (OAuth callbacks, inbound webhooks). */
export interface PluginRouteDefinition {
  method: HttpMethod;
  /** Relative to the instance's base path; starts with `/`; `:name` segments become `request.params.name`. */
  path: string;
  handler: PluginRouteHandler;
}

/** `ctx.http`: outbound requests and inbound routes. */
export interface PluginHttp {
  /** The `fetch` to call external services with. */
  readonly fetch: FetchLike;
  /** Where this instance's routes are mounted: `/plugins/<id>/<instance>`. */
  readonly basePath: string;
  /** The absolute public URL of a route path of this instance (for OAuth redirect URIs, webhook URLs). */
  url(path: string): string;
  /** Mounts a route under {@link PluginHttp.basePath} (during `register` only). */
  route(definition: PluginRouteDefinition): void;
}

/**
 * What `register(ctx)` and implementation factories get: the instance's validated config and settings, its
 * ports (never the database) and the registrars of the extension points.
 */
export interface PluginContext<Config, Settings> {
  readonly plugin: PluginIdentity;
  /** Deploy-time configuration, validated by the plugin's `configSchema`. */
  readonly config: Config;
  /** The instance's settings from the admin console, validated by the plugin's `settingsSchema`. */
  readonly settings: Settings;
  /** Bound to `{ plugin, instance }`. */
  readonly logger: Logger;
  readonly clock: Clock;
  /** JSON key/value store private to this instance. */
  readonly kv: KvStore;
  /** This instance's encrypted credential record. */
  readonly credentials: CredentialStore;
  readonly http: PluginHttp;
  readonly jobs: PluginJobs;
  readonly events: PluginEvents;
  /** Read/write facades of the core services, never the database. */
  readonly services: CoreServices;

  readonly crm: ImplementationRegistrar<ExtensionPointTypes['crm'], Config, Settings>;
  readonly rewards: ImplementationRegistrar<ExtensionPointTypes['rewards'], Config, Settings>;
  readonly fraud: ImplementationRegistrar<ExtensionPointTypes['fraud'], Config, Settings>;
  readonly attribution: ImplementationRegistrar<ExtensionPointTypes['attribution'], Config, Settings>;
  readonly inference: ImplementationRegistrar<ExtensionPointTypes['inference'], Config, Settings>;
  readonly notifiers: ImplementationRegistrar<ExtensionPointTypes['notifiers'], Config, Settings>;
}
