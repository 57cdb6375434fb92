import type {
  ExtensionPointName,
  ExtensionPointTypes,
  PluginHost,
  RegisteredImplementation,
} from '@warmpath/plugin-sdk';

/**
 * How an engine reaches the implementations of one extension point. Core never imports a plugin or the plugin
 * host: the server passes `host.list(point)` here (wrapped by its health instrumentation), tests pass a test host.
 * Called on every use because the host is built after the services and its implementations are created lazily.
 */
export interface ImplementationResolver<T> {
  /** Every implementation of the point, in load order. */
  list(): readonly RegisteredImplementation<T>[];
  /** The implementation under `key`, or undefined when none is loaded (the plugin was removed or disabled, say). */
  get(key: string): T | undefined;
}

/** A resolver straight over a plugin host (tests, and the server before it adds health instrumentation). */
export function hostImplementations<P extends ExtensionPointName>(
  host: () => Pick<PluginHost, 'list' | 'get'>,
  point: P,
): ImplementationResolver<ExtensionPointTypes[P]> {
  return { list: () => host().list(point), get: (key) => host().get(point, key) };
}

/** A plugin call an engine judged failed although the call itself returned (junk output, a timeout). */
export interface PluginCallFailure {
  /** The implementation key, `point:plugin:instance:name`. */
  key: string;
  error: Error;
}

/** Told about failures engines detect, so plugin health can count them like thrown errors. */
export type PluginFailureListener = (failure: PluginCallFailure) => void;

/**
 * The implementation whose key is `keyOrName`, or, when it holds no `:`, the one implementation with that name
 * (undefined when none or several have it: a bare name must not pick one plugin's model at random).
 */
export function findImplementation<T>(
  resolver: ImplementationResolver<T>,
  keyOrName: string,
): RegisteredImplementation<T> | undefined {
  const all = resolver.list();
  if (keyOrName.includes(':')) return all.find((entry) => entry.key === keyOrName);
  const named = all.filter((entry) => entry.name === keyOrName);
  return named.length === 1 ? named[0] : undefined;
}

/** Anything thrown, as an Error (plugins can throw strings). */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
