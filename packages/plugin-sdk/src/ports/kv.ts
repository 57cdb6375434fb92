import type { JsonValue } from '../dto/json.schema.js';

/** Options of {@link KvStore.set}. */
export interface KvSetOptions {
  /** Seconds until the entry expires; kept forever when absent. */
  ttlSeconds?: number;
}

/** A stored entry. */
export interface KvEntry {
  key: string;
  value: JsonValue;
}

/**
 * A JSON key/value store private to one plugin instance (sync cursors, webhook ids seen, small caches).
 * Values must be JSON; expired entries are never returned.
 */
export interface KvStore {
  /** The value under `key`, or undefined when absent or expired. */
  get(key: string): Promise<JsonValue | undefined>;
  /** Stores `value` under `key`, replacing any previous value and expiry. */
  set(key: string, value: JsonValue, options?: KvSetOptions): Promise<void>;
  /** Removes `key`; true when it existed. */
  delete(key: string): Promise<boolean>;
  /** Live entries whose key starts with `prefix` (all when absent), sorted by key. */
  list(options?: { prefix?: string }): Promise<KvEntry[]>;
}

/** Host port: opens the store of a namespace (the host uses one namespace per plugin instance). */
export interface KvStoreProvider {
  namespace(name: string): KvStore;
}
