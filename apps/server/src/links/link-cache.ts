import { LRUCache } from 'lru-cache';

/** Tunables of a {@link LinkCache}. */
export interface LinkCacheOptions<V> {
  /** Reads one key from the source of truth; undefined means "no such key" (cached too, for `negativeTtlMs`). */
  load(key: string): Promise<V | undefined>;
  /** How long a found value is served before it is read again (a paused track stops redirecting within it). */
  ttlMs?: number;
  /** How long "no such key" is remembered: short, so a new code works soon, yet a flood of made-up codes is cheap. */
  negativeTtlMs?: number;
  /** Most keys kept; the least recently used go first, so random codes cannot grow memory without bound. */
  maxEntries?: number;
  /** Milliseconds clock (tests). */
  now?: () => number;
}

/** What the cache holds per key: lru-cache stores no `undefined`, and "no such key" must be remembered too. */
interface Looked<V> {
  readonly value: V | undefined;
}

/**
 * A read-through cache in front of the database for the redirect hot path, on `lru-cache`: values are loaded
 * lazily per key, kept for a short TTL, unknown keys are cached too, and concurrent misses for one key share a
 * single load (`fetch`). When a reload fails (database down) the expired value keeps being served for another TTL
 * rather than failing clicks.
 */
export class LinkCache<V> {
  readonly #entries: LRUCache<string, Looked<V>>;

  constructor(options: LinkCacheOptions<V>) {
    const ttl = options.ttlMs ?? 60_000;
    const negativeTtl = options.negativeTtlMs ?? 10_000;
    this.#entries = new LRUCache<string, Looked<V>>({
      max: options.maxEntries ?? 100_000,
      ttl,
      // An injected clock is read on every check; the default one is read at most once a millisecond.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
      // Expired entries stay until reloaded: a failed reload falls back on them.
      noDeleteOnStaleGet: true,
      fetchMethod: async (key, stale, { options: entryOptions }) => {
        try {
          const value = await options.load(key);
          if (value === undefined) entryOptions.ttl = negativeTtl;
          return { value };
        } catch (error) {
          if (stale?.value === undefined) throw error;
          return stale;
        }
      },
    });
  }

  /**
   * The fresh entry of `key` without waiting, or undefined when it must be loaded (then call {@link get}). Lets the
   * hot path answer a cached code without a promise.
   */
  peek(key: string): Looked<V> | undefined {
    return this.#entries.get(key);
  }

  /** The value of `key`, from memory when fresh, else loaded once however many callers ask at the same time. */
  async get(key: string): Promise<V | undefined> {
    return (await this.#entries.fetch(key))?.value;
  }

  /** Number of keys held (found and unknown). */
  get size(): number {
    return this.#entries.size;
  }
}
