import type {
  ExtensionPointName,
  ExtensionPointTypes,
  LoadedPluginInstance,
  PluginHost,
  RegisteredImplementation,
} from '@warmpath/plugin-sdk';

/** How an instance is doing: calls succeed, calls fail, or it does not run (invalid settings). */
export type PluginHealthState = 'ok' | 'failing' | 'disabled';

/** One finished call into a plugin implementation. */
export interface PluginCallEvent {
  plugin: string;
  instance: string;
  point: ExtensionPointName;
  /** `error`: the call threw or its promise rejected. */
  outcome: 'ok' | 'error';
  durationSeconds: number;
}

/** An answer the host refused although the call returned (junk output, a timeout). */
export interface PluginRejectionEvent {
  plugin: string;
  instance: string;
  point: ExtensionPointName;
}

/** What the console shows of one instance. */
export interface InstanceHealth {
  state: PluginHealthState;
  calls: number;
  /** Calls that threw plus answers the host refused. */
  errors: number;
  lastError: { message: string; at: string } | null;
  /** The outcome of the console's last "Test connection", since this process started. */
  lastTest: { ok: boolean; message: string | null; at: string } | null;
}

/** Options of {@link PluginHealth}. */
export interface PluginHealthOptions {
  now?: () => Date;
  /** How many recent outcomes the error rate looks at (default 20). */
  window?: number;
  /** Error rate over the window at which an instance is failing even if its last call succeeded (default 0.5). */
  failingErrorRate?: number;
}

interface InstanceRecord {
  calls: number;
  errors: number;
  /** Recent outcomes, true = failed, oldest first. */
  recent: boolean[];
  lastError: InstanceHealth['lastError'];
  lastTest: InstanceHealth['lastTest'];
}

type Listener = {
  call?: (event: PluginCallEvent) => void;
  rejection?: (event: PluginRejectionEvent) => void;
};

type Labels = Pick<RegisteredImplementation<unknown>, 'plugin' | 'instance' | 'point'>;

/**
 * Measures every call the host makes into plugin implementations (docs/plugins-engines-and-health.md "Plugin
 * health"): `instrument()` wraps an implementation so each method call is timed and counted per plugin, instance
 * and extension point, and the instance's state follows its recent outcomes. In memory, per process: a restart
 * starts from a clean slate, as `/metrics` counters do.
 *
 * Apply it where implementations are listed: `health.list(host, 'notifiers')` instead of `host.list('notifiers')`.
 */
export class PluginHealth {
  private readonly now: () => Date;
  private readonly window: number;
  private readonly failingErrorRate: number;
  private readonly records = new Map<string, InstanceRecord>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly listeners = new Set<Listener>();

  constructor(options: PluginHealthOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.window = options.window ?? 20;
    this.failingErrorRate = options.failingErrorRate ?? 0.5;
  }

  /** `host.list(point)` with every implementation instrumented. */
  list<P extends ExtensionPointName>(
    host: PluginHost,
    point: P,
  ): RegisteredImplementation<ExtensionPointTypes[P]>[] {
    return host.list(point).map((registered) => this.instrument(registered));
  }

  /**
   * The implementation with every method call timed and counted (synchronous calls and promises alike); other
   * members pass through. The same implementation always gets the same wrapper.
   */
  instrument<T>(registered: RegisteredImplementation<T>): RegisteredImplementation<T> {
    const impl: unknown = registered.impl;
    if (typeof impl !== 'object' || impl === null) return registered;
    let proxy = this.proxies.get(impl);
    if (!proxy) {
      proxy = this.wrap(impl, {
        plugin: registered.plugin,
        instance: registered.instance,
        point: registered.point,
      });
      this.proxies.set(impl, proxy);
    }
    // The proxy forwards every member of T unchanged; only method calls are observed on the way.
    return { ...registered, impl: proxy as T };
  }

  /** Records an answer an engine refused (junk, timeout) for the implementation `point:plugin:instance:name`. */
  recordRejection(key: string, error: Error): void {
    const [point, plugin, instance] = key.split(':');
    if (!point || !plugin || !instance) return;
    this.outcome(plugin, instance, true, error.message);
    const event = { plugin, instance, point: point as ExtensionPointName };
    for (const listener of this.listeners) listener.rejection?.(event);
  }

  /** Records the console's "Test connection" result for an instance. */
  recordTest(plugin: string, instance: string, result: { ok: boolean; message?: string | undefined }): void {
    this.record(plugin, instance).lastTest = {
      ok: result.ok,
      message: result.message ?? null,
      at: this.now().toISOString(),
    };
  }

  /** The health of an instance; `status` is the host's (`invalid-settings` or `disabled` → disabled). */
  instance(plugin: string, instance: string, status: LoadedPluginInstance['status']): InstanceHealth {
    const record = this.records.get(`${plugin}:${instance}`);
    const recentFailures = record?.recent.filter(Boolean).length ?? 0;
    const isFailing =
      record !== undefined &&
      record.recent.length > 0 &&
      (record.recent.at(-1) === true || recentFailures / record.recent.length >= this.failingErrorRate);
    return {
      state: status !== 'active' ? 'disabled' : isFailing ? 'failing' : 'ok',
      calls: record?.calls ?? 0,
      errors: record?.errors ?? 0,
      lastError: record?.lastError ?? null,
      lastTest: record?.lastTest ?? null,
    };
  }

  /** Every instance the host loaded, with its health. */
  instances(host: PluginHost): Array<{ plugin: string; instance: string } & InstanceHealth> {
    return host.plugins().flatMap((plugin) =>
      plugin.instances.map((instance) => ({
        plugin: plugin.id,
        instance: instance.instance,
        ...this.instance(plugin.id, instance.instance, instance.status),
      })),
    );
  }

  /** Calls `listener` after every call and rejection (metrics); returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private wrap(target: object, labels: Labels): object {
    const wrapped = new Map<PropertyKey, (...args: unknown[]) => unknown>();
    return new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property);
        if (typeof value !== 'function') return value;
        let method = wrapped.get(property);
        if (!method) {
          const original = value as (...args: unknown[]) => unknown;
          method = (...args: unknown[]) => this.timed(labels, () => original.apply(object, args));
          wrapped.set(property, method);
        }
        return method;
      },
    });
  }

  private timed(labels: Labels, call: () => unknown): unknown {
    const started = performance.now();
    const finish = (failure: unknown, isFailed: boolean) =>
      this.finish(labels, (performance.now() - started) / 1000, isFailed, failure);
    let result: unknown;
    try {
      result = call();
    } catch (error) {
      finish(error, true);
      throw error;
    }
    if (isThenable(result)) {
      return result.then(
        (value) => {
          finish(undefined, false);
          return value;
        },
        (error: unknown) => {
          finish(error, true);
          throw error;
        },
      );
    }
    finish(undefined, false);
    return result;
  }

  private finish(labels: Labels, durationSeconds: number, isFailed: boolean, failure: unknown): void {
    const record = this.record(labels.plugin, labels.instance);
    record.calls += 1;
    this.outcome(labels.plugin, labels.instance, isFailed, isFailed ? messageOf(failure) : undefined);
    const event: PluginCallEvent = { ...labels, outcome: isFailed ? 'error' : 'ok', durationSeconds };
    for (const listener of this.listeners) listener.call?.(event);
  }

  private outcome(plugin: string, instance: string, isFailed: boolean, message: string | undefined): void {
    const record = this.record(plugin, instance);
    record.recent.push(isFailed);
    if (record.recent.length > this.window) record.recent.shift();
    if (isFailed) {
      record.errors += 1;
      record.lastError = { message: message ?? 'Unknown error', at: this.now().toISOString() };
    }
  }

  private record(plugin: string, instance: string): InstanceRecord {
    const key = `${plugin}:${instance}`;
    let record = this.records.get(key);
    if (!record) {
      record = { calls: 0, errors: 0, recent: [], lastError: null, lastTest: null };
      this.records.set(key, record);
    }
    return record;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'then') === 'function';
}

/** Error messages can be long (stack-less vendor bodies): the console shows one line. */
function messageOf(failure: unknown): string {
  const message = failure instanceof Error ? failure.message : String(failure);
  return message.length > 500 ? `${message.slice(0, 497)}…` : message;
}
