import 'reflect-metadata';
import semver from 'semver';
import { type DependencyContainer, type InjectionToken, container as rootContainer } from 'tsyringe';
import { z } from 'zod';
import {
  EXTENSION_POINT_TOKENS,
  EXTENSION_POINTS,
  type ExtensionImplementation,
  type ExtensionPointName,
  type ExtensionPointTypes,
} from '../extension-points/extension-points.js';
import type { AnyWarmpathPlugin } from '../plugin/define-plugin.js';
import { isWarmpathPlugin } from '../plugin/define-plugin.js';
import { DEFAULT_INSTANCE, NAME_PATTERN } from '../plugin/implementation-key.js';
import { secretSettingPaths, settingsJsonSchema } from '../plugin/settings-json-schema.js';
import type { DomainEventType } from '../ports/domain-events.schema.js';
import { SDK_VERSION } from '../version.js';
import { implementationProblem } from './implementation-check.js';
import {
  createInstanceContext,
  type InstanceRegistrations,
  type PendingImplementation,
} from './instance-context.js';
import type {
  LoadedPlugin,
  LoadedPluginInstance,
  PluginEntry,
  PluginHost,
  PluginHostOptions,
  RegisteredEventHandler,
  RegisteredImplementation,
} from './plugin-host.js';
import { describeError, PluginLoadError } from './plugin-load-error.js';

interface LoadedInstance {
  /** The entry it was loaded from (plugin, config, enabled): what `reloadInstance` loads again. */
  entry: PluginEntry & { instance: string };
  summary: LoadedPluginInstance;
  registrations: InstanceRegistrations;
  /** One memoised factory per implementation key: each implementation is created once, on first use. */
  factories: Map<string, () => ExtensionImplementation>;
}

interface LoadedPluginRecord {
  plugin: AnyWarmpathPlugin;
  instances: LoadedInstance[];
}

/**
 * Loads plugins: checks each one's `sdk` range against the SDK version, validates its config (a failure throws
 * `PluginLoadError` naming the plugin: the host app stops its boot), validates the instance's stored settings,
 * runs `register(ctx)`, and registers every implementation with `useFactory` in a tsyringe child container under
 * its key (`point:plugin:instance:name`) and its extension point token. `setInstance` / `reloadInstance` replace
 * one instance later (live settings) and rebuild the container from the instances then loaded.
 */
export function createPluginHost(options: PluginHostOptions): PluginHost {
  const sdkVersion = options.sdkVersion ?? SDK_VERSION;
  const parent = options.parentContainer ?? rootContainer;
  const loaded = new Map<string, LoadedPluginRecord>();

  for (const entry of options.plugins) {
    const candidate = loadInstance(entry, options, sdkVersion, loaded);
    const record = recordFor(candidate.entry.plugin, loaded);
    if (record.instances.some((existing) => existing.summary.instance === candidate.summary.instance)) {
      throw new PluginLoadError(
        record.plugin.id,
        `the instance "${candidate.summary.instance}" is listed twice`,
        {
          instance: candidate.summary.instance,
        },
      );
    }
    loaded.set(record.plugin.id, record);
    record.instances.push(candidate);
  }

  const allInstances = (): LoadedInstance[] => [...loaded.values()].flatMap((record) => record.instances);
  const allImplementations = (): PendingImplementation[] =>
    allInstances().flatMap((instance) => instance.registrations.implementations);

  // Rebuilt whole on every change rather than edited: tsyringe cannot unregister a token, and a stale
  // registration under an extension point token would keep an old instance's implementation alive.
  const buildContainer = (): DependencyContainer => {
    const built = parent.createChildContainer();
    for (const instance of allInstances()) {
      for (const pending of instance.registrations.implementations) {
        const create = instance.factories.get(pending.key) as () => ExtensionImplementation;
        built.register<ExtensionImplementation>(pending.key, { useFactory: () => create() });
        built.register<ExtensionImplementation>(EXTENSION_POINT_TOKENS[pending.point], {
          useFactory: (resolver) => resolver.resolve<ExtensionImplementation>(pending.key),
        });
      }
    }
    return built;
  };
  let container = buildContainer();

  const describe = <T>(pending: PendingImplementation, impl: T): RegisteredImplementation<T> => ({
    key: pending.key,
    point: pending.point,
    plugin: pending.plugin,
    instance: pending.instance,
    name: pending.name,
    impl,
  });

  const setInstance = (entry: PluginEntry): LoadedPluginInstance => {
    const candidate = loadInstance(entry, options, sdkVersion, loaded);
    // Created before the swap, so a factory that fails leaves the loaded instance serving as it was.
    for (const create of candidate.factories.values()) create();
    const record = recordFor(candidate.entry.plugin, loaded);
    const index = record.instances.findIndex(
      (existing) => existing.summary.instance === candidate.summary.instance,
    );
    if (index === -1) record.instances.push(candidate);
    else record.instances[index] = candidate;
    loaded.set(record.plugin.id, record);
    container = buildContainer();
    return candidate.summary;
  };

  return {
    sdkVersion,
    get container() {
      return container;
    },
    list<P extends ExtensionPointName>(point: P) {
      return allImplementations()
        .filter((pending) => pending.point === point)
        .map((pending) => describe(pending, container.resolve<ExtensionPointTypes[P]>(pending.key)));
    },
    get<P extends ExtensionPointName>(point: P, key: string) {
      const pending = allImplementations().find((candidate) => candidate.key === key);
      if (!pending || pending.point !== point) return undefined;
      return container.resolve<ExtensionPointTypes[P]>(key);
    },
    resolveAll() {
      const resolved = allImplementations().map((pending) =>
        describe(pending, container.resolve<ExtensionImplementation>(pending.key)),
      );
      for (const point of EXTENSION_POINTS) {
        const token: InjectionToken<ExtensionImplementation> = EXTENSION_POINT_TOKENS[point];
        if (container.isRegistered(token)) container.resolveAll<ExtensionImplementation>(token);
      }
      return resolved;
    },
    routes: () => allInstances().flatMap((instance) => instance.registrations.routes),
    jobs: () => allInstances().flatMap((instance) => instance.registrations.jobs),
    schedules: () => allInstances().flatMap((instance) => instance.registrations.schedules),
    eventHandlers<T extends DomainEventType>(type: T) {
      return allInstances()
        .flatMap((instance) => instance.registrations.eventHandlers)
        .filter((handler): handler is RegisteredEventHandler<T> => handler.type === type);
    },
    plugins: () => [...loaded.values()].map(summarisePlugin),
    setInstance,
    reloadInstance(pluginId, instance, reloadOptions = {}) {
      const current = loaded
        .get(pluginId)
        ?.instances.find((loadedInstance) => loadedInstance.summary.instance === instance);
      if (!current) return undefined;
      return setInstance({
        ...current.entry,
        enabled: reloadOptions.enabled ?? current.entry.enabled ?? true,
      });
    },
  };
}

/** The record of a plugin (a new, unsaved one when it has none yet); two plugin objects under one id throw. */
function recordFor(plugin: AnyWarmpathPlugin, loaded: Map<string, LoadedPluginRecord>): LoadedPluginRecord {
  const record = loaded.get(plugin.id) ?? { plugin, instances: [] };
  if (record.plugin !== plugin) throw new PluginLoadError(plugin.id, 'two different plugins have this id');
  return record;
}

/** Loads one instance without adding it anywhere: the caller decides whether it joins or replaces. */
function loadInstance(
  entry: PluginEntry,
  options: PluginHostOptions,
  sdkVersion: string,
  loaded: Map<string, LoadedPluginRecord>,
): LoadedInstance {
  const plugin: unknown = entry.plugin;
  if (!isWarmpathPlugin(plugin)) {
    throw new PluginLoadError(
      nameOf(plugin),
      'it is not a Warmpath plugin (export default definePlugin({...}))',
    );
  }
  checkIdentity(plugin, sdkVersion);
  const instance = entry.instance ?? DEFAULT_INSTANCE;
  if (!NAME_PATTERN.test(instance)) {
    throw new PluginLoadError(
      plugin.id,
      `instance name "${instance}" must be lower-case letters, digits and dashes`,
    );
  }
  recordFor(plugin, loaded);
  const loadedEntry = { ...entry, instance };
  const registered = (
    summary: LoadedPluginInstance,
    registrations: InstanceRegistrations = {
      implementations: [],
      routes: [],
      jobs: [],
      schedules: [],
      eventHandlers: [],
    },
  ): LoadedInstance => ({
    entry: loadedEntry,
    summary,
    registrations,
    factories: memoisedFactories(registrations),
  });

  const config = plugin.configSchema.safeParse(entry.config ?? {});
  if (!config.success) {
    throw new PluginLoadError(plugin.id, `its config is invalid:\n${z.prettifyError(config.error)}`, {
      instance,
    });
  }
  if (entry.enabled === false) {
    return registered({
      instance,
      status: 'disabled',
      problems: ['disabled by an admin'],
      implementations: [],
    });
  }

  const settings = plugin.settingsSchema.safeParse(options.ports.settings.get(plugin.id, instance) ?? {});
  if (!settings.success) {
    const problems = settings.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    if (options.onInvalidSettings === 'throw') {
      throw new PluginLoadError(plugin.id, `its settings are invalid:\n${z.prettifyError(settings.error)}`, {
        instance,
      });
    }
    options.ports.logger.warn(
      { plugin: plugin.id, instance, problems },
      'Plugin instance not started: its settings are invalid',
    );
    return registered({ instance, status: 'invalid-settings', problems, implementations: [] });
  }

  const context = createInstanceContext({
    plugin,
    instance,
    config: config.data,
    settings: settings.data,
    ports: options.ports,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
  });
  runRegister(plugin, instance, context.ctx);
  context.seal();

  return registered(
    {
      instance,
      status: 'active',
      problems: [],
      implementations: context.registrations.implementations.map((pending) => pending.key),
    },
    context.registrations,
  );
}

function memoisedFactories(registrations: InstanceRegistrations): Map<string, () => ExtensionImplementation> {
  const factories = new Map<string, () => ExtensionImplementation>();
  for (const pending of registrations.implementations) {
    let created: ExtensionImplementation | undefined;
    factories.set(pending.key, () => {
      created ??= instantiate(pending);
      return created;
    });
  }
  return factories;
}

function checkIdentity(plugin: AnyWarmpathPlugin, sdkVersion: string): void {
  if (!NAME_PATTERN.test(plugin.id)) {
    throw new PluginLoadError(plugin.id, 'its id must be lower-case letters, digits and dashes');
  }
  if (!semver.valid(plugin.version)) {
    throw new PluginLoadError(plugin.id, `its version "${plugin.version}" is not a semver version`);
  }
  if (!semver.validRange(plugin.sdk)) {
    throw new PluginLoadError(plugin.id, `its sdk range "${plugin.sdk}" is not a semver range`);
  }
  if (!semver.satisfies(sdkVersion, plugin.sdk)) {
    throw new PluginLoadError(
      plugin.id,
      `it requires @warmpath/plugin-sdk ${plugin.sdk}, but this host provides ${sdkVersion}`,
    );
  }
}

function runRegister(
  plugin: AnyWarmpathPlugin,
  instance: string,
  ctx: Parameters<AnyWarmpathPlugin['register']>[0],
): void {
  let result: unknown;
  try {
    result = plugin.register(ctx);
  } catch (error) {
    if (error instanceof PluginLoadError) throw error;
    throw new PluginLoadError(plugin.id, `register() failed: ${describeError(error)}`, {
      instance,
      cause: error,
    });
  }
  if (typeof result === 'object' && result !== null && 'then' in result) {
    throw new PluginLoadError(plugin.id, 'register() must be synchronous (it returned a promise)', {
      instance,
    });
  }
}

function instantiate(pending: PendingImplementation): ExtensionImplementation {
  let impl: ExtensionImplementation;
  try {
    impl = pending.create();
  } catch (error) {
    throw new PluginLoadError(
      pending.plugin,
      `its ${pending.point} implementation "${pending.name}" (${pending.key}) could not be created: ${describeError(error)}`,
      { instance: pending.instance, cause: error },
    );
  }
  const problem = implementationProblem(pending.point, impl);
  if (problem) {
    throw new PluginLoadError(
      pending.plugin,
      `its ${pending.point} implementation "${pending.name}" (${pending.key}) is invalid: ${problem}`,
      { instance: pending.instance },
    );
  }
  return impl;
}

function summarisePlugin(record: LoadedPluginRecord): LoadedPlugin {
  const { plugin } = record;
  return {
    id: plugin.id,
    version: plugin.version,
    sdk: plugin.sdk,
    displayName: plugin.displayName,
    description: plugin.description,
    instances: record.instances.map((instance) => instance.summary),
    settingsJsonSchema: settingsJsonSchema(plugin.settingsSchema),
    secretSettings: secretSettingPaths(plugin.settingsSchema),
    settingsSchema: plugin.settingsSchema,
  };
}

function nameOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const id: unknown = Reflect.get(value, 'id');
    if (typeof id === 'string') return id;
  }
  return String(value);
}
