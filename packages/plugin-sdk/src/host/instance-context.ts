import type { z } from 'zod';
import type { JsonValue } from '../dto/json.schema.js';
import { HTTP_METHODS } from '../dto/plugin-http.schema.js';
import type {
  ExtensionImplementation,
  ExtensionPointName,
  ExtensionPointTypes,
} from '../extension-points/extension-points.js';
import type { AnyWarmpathPlugin } from '../plugin/define-plugin.js';
import { implementationKey, NAME_PATTERN } from '../plugin/implementation-key.js';
import type {
  ImplementationRegistrar,
  PluginContext,
  PluginRouteDefinition,
} from '../plugin/plugin-context.js';
import {
  DOMAIN_EVENT_TYPES,
  type DomainEventType,
  domainEventSchema,
} from '../ports/domain-events.schema.js';
import type { DomainEventHandler } from '../ports/events.js';
import type { HostPorts } from '../ports/host-ports.js';
import { type PluginScheduleOptions, PluginScheduleOptionsSchema } from '../ports/job-schedule.schema.js';
import type { DefinedJob, EnqueueOptions, PluginJobDefinition } from '../ports/jobs.js';
import type {
  MountedRoute,
  RegisteredEventHandler,
  RegisteredJob,
  RegisteredSchedule,
} from './plugin-host.js';
import { PluginLoadError } from './plugin-load-error.js';
import { pluginBasePath, routePathProblem } from './route-path.js';
import { toJsonValue } from './to-json-value.js';

/** The context type of a plugin of unknown config and settings. */
export type AnyPluginContext = PluginContext<unknown, Record<string, unknown>>;

/** An implementation added by `ctx.<point>.add`, not created yet. */
export interface PendingImplementation {
  key: string;
  point: ExtensionPointName;
  plugin: string;
  instance: string;
  name: string;
  create(): ExtensionImplementation;
}

/** Everything one plugin instance registered. */
export interface InstanceRegistrations {
  implementations: PendingImplementation[];
  routes: MountedRoute[];
  jobs: RegisteredJob[];
  schedules: RegisteredSchedule[];
  eventHandlers: RegisteredEventHandler[];
}

/** What is needed to build the context of one plugin instance. */
export interface InstanceSetup {
  plugin: AnyWarmpathPlugin;
  instance: string;
  config: unknown;
  settings: Record<string, unknown>;
  ports: HostPorts;
  publicUrl: string;
}

/** A plugin instance's context, what it registered through it, and the switch that ends registration. */
export interface InstanceContext {
  ctx: AnyPluginContext;
  registrations: InstanceRegistrations;
  /** Ends registration: `add`, `define`, `schedule`, `on` and `route` throw afterwards. */
  seal(): void;
}

/** Qualified job name: jobs of two instances (or two plugins) never collide in the queue. */
export function qualifiedJobName(pluginId: string, instance: string, name: string): string {
  return `plugin:${pluginId}:${instance}:${name}`;
}

/** Builds the context `register(ctx)` and implementation factories receive. */
export function createInstanceContext(setup: InstanceSetup): InstanceContext {
  const { plugin, instance, ports } = setup;
  const registrations: InstanceRegistrations = {
    implementations: [],
    routes: [],
    jobs: [],
    schedules: [],
    eventHandlers: [],
  };
  const jobSchemas = new Map<string, z.ZodType>();
  const basePath = pluginBasePath(plugin.id, instance);
  let isOpen = true;

  const fail = (problem: string): PluginLoadError => new PluginLoadError(plugin.id, problem, { instance });
  const assertOpen = (call: string): void => {
    if (!isOpen)
      throw fail(`${call} was called after register() returned; register everything inside register()`);
  };
  const assertName = (name: string, what: string): void => {
    if (!NAME_PATTERN.test(name)) {
      throw fail(`${what} "${name}" must be lower-case letters, digits and dashes`);
    }
  };

  const enqueue = async (name: string, payload: unknown, options?: EnqueueOptions) => {
    const schema = jobSchemas.get(name);
    if (!schema) throw new Error(`Plugin "${plugin.id}" has no job "${name}" (define it in register())`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Error(`Invalid payload for job "${name}": ${parsed.error.message}`);
    return ports.jobs.enqueue(qualifiedJobName(plugin.id, instance, name), toJsonValue(payload), options);
  };

  const registrar = <P extends ExtensionPointName>(
    point: P,
  ): ImplementationRegistrar<ExtensionPointTypes[P], unknown, Record<string, unknown>> => ({
    add(name, factory) {
      assertOpen(`ctx.${point}.add`);
      assertName(name, `${point} implementation name`);
      const key = implementationKey({ point, plugin: plugin.id, instance, name });
      if (registrations.implementations.some((existing) => existing.key === key)) {
        throw fail(`it adds the ${point} implementation "${name}" twice`);
      }
      registrations.implementations.push({
        key,
        point,
        plugin: plugin.id,
        instance,
        name,
        create: () => factory(ctx),
      });
    },
  });

  const identity = { id: plugin.id, version: plugin.version, instance };
  const ctx: AnyPluginContext = {
    plugin: identity,
    config: setup.config,
    settings: setup.settings,
    logger: ports.logger.child({ plugin: plugin.id, instance }),
    clock: ports.clock,
    kv: ports.kv.namespace(`${plugin.id}:${instance}`),
    credentials: ports.credentials.forInstance(plugin.id, instance),
    services: typeof ports.services === 'function' ? ports.services(identity) : ports.services,
    http: {
      fetch: ports.http,
      basePath,
      // Joined as strings, not resolved: a PUBLIC_URL with a path (https://example.com/warmpath) keeps it.
      url: (path) =>
        `${setup.publicUrl.replace(/\/+$/, '')}${basePath}${path.startsWith('/') ? path : `/${path}`}`,
      route(definition: PluginRouteDefinition) {
        assertOpen('ctx.http.route');
        if (!HTTP_METHODS.includes(definition.method))
          throw fail(`route method "${definition.method}" is not one of ${HTTP_METHODS.join(', ')}`);
        const problem = routePathProblem(definition.path);
        if (problem) throw fail(problem);
        const path = definition.path === '/' ? `${basePath}/` : `${basePath}${definition.path}`;
        if (registrations.routes.some((route) => route.method === definition.method && route.path === path)) {
          throw fail(`it mounts ${definition.method} ${definition.path} twice`);
        }
        registrations.routes.push({
          plugin: plugin.id,
          instance,
          method: definition.method,
          prefix: basePath,
          path,
          handler: definition.handler,
        });
      },
    },
    jobs: {
      define<PayloadSchema extends z.ZodType>(
        name: string,
        definition: PluginJobDefinition<PayloadSchema>,
      ): DefinedJob<PayloadSchema> {
        assertOpen('ctx.jobs.define');
        assertName(name, 'job name');
        if (jobSchemas.has(name)) throw fail(`it defines the job "${name}" twice`);
        jobSchemas.set(name, definition.payload);
        const qualifiedName = qualifiedJobName(plugin.id, instance, name);
        registrations.jobs.push({
          name: qualifiedName,
          localName: name,
          plugin: plugin.id,
          instance,
          async run(payload, job) {
            await definition.handler(definition.payload.parse(payload), job);
          },
        });
        return { name: qualifiedName, enqueue: (payload, options) => enqueue(name, payload, options) };
      },
      enqueue: (name: string, payload: JsonValue, options?: EnqueueOptions) =>
        enqueue(name, payload, options),
      schedule(name: string, options: PluginScheduleOptions) {
        assertOpen('ctx.jobs.schedule');
        const schema = jobSchemas.get(name);
        if (!schema) throw fail(`it schedules the job "${name}", which it did not define (define it first)`);
        const job = qualifiedJobName(plugin.id, instance, name);
        if (registrations.schedules.some((existing) => existing.job === job)) {
          throw fail(`it schedules the job "${name}" twice`);
        }
        const parsedOptions = PluginScheduleOptionsSchema.safeParse(options);
        if (!parsedOptions.success) {
          throw fail(`invalid schedule of job "${name}": ${parsedOptions.error.issues[0]?.message}`);
        }
        const { payload = {}, ...when } = parsedOptions.data;
        const parsedPayload = schema.safeParse(payload);
        if (!parsedPayload.success) {
          throw fail(`invalid payload in the schedule of job "${name}": ${parsedPayload.error.message}`);
        }
        registrations.schedules.push({ job, plugin: plugin.id, instance, payload, ...when });
      },
    },
    events: {
      on<T extends DomainEventType>(type: T, handler: DomainEventHandler<T>) {
        assertOpen('ctx.events.on');
        if (!DOMAIN_EVENT_TYPES.includes(type)) throw fail(`it subscribes to unknown event type "${type}"`);
        const schema = domainEventSchema(type);
        const subscription: RegisteredEventHandler<T> = {
          plugin: plugin.id,
          instance,
          type,
          async handle(event) {
            schema.parse(event);
            await handler(event);
          },
        };
        registrations.eventHandlers.push(subscription);
      },
    },
    crm: registrar('crm'),
    rewards: registrar('rewards'),
    fraud: registrar('fraud'),
    attribution: registrar('attribution'),
    inference: registrar('inference'),
    notifiers: registrar('notifiers'),
  };

  return {
    ctx,
    registrations,
    seal: () => {
      isOpen = false;
    },
  };
}
