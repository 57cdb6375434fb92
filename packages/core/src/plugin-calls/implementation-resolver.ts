/** One registered implementation of an extension point, under its key (`point:plugin:instance:name`). */
export interface ResolvedImplementation<T> {
  key: string;
  impl: T;
}

/**
 * How an engine finds the implementations of its extension point. The server backs it with the plugin host
 * (`host.list(point)`, `host.get(point, key)`); core never imports a plugin, and tests can pass plain objects.
 */
export interface ImplementationResolver<T> {
  /** Every implementation, in load order. */
  list(): readonly ResolvedImplementation<T>[];
  /** The implementation under `key`, or undefined when none is loaded (the plugin was removed, say). */
  get(key: string): T | undefined;
}
