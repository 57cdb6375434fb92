/** Tunables of a {@link LinkCache}. */
export interface LinkCacheOptions<V> {
  /** Reads one key from the source of truth; undefined means "no such key" (cached too, for `negativeTtlMs`). */
  load(key: string): Promise<V | undefined>;
  /** How long a found value is served before it is read again (a paused track stops redirecting within it). */
  ttlMs?: number;
  /** How long "no such key" is remembered: short, so a new code works soon, yet a flood of made-up codes is cheap. */
  negativeTtlMs?: number;
  /** Most keys kept; the oldest are forgotten first, so random codes cannot grow memory without bound. */
  maxEntries?: number;
  /** Milliseconds clock (tests). */
  now?: () => number;
}

interface Entry<V> {
  value: V | undefined;
  expiresAt: number;
}

/**
 * A small read-through cache in front of the database for the redirect hot path: values are loaded lazily per key,
 * kept for a short TTL, unknown keys are cached too, and concurrent misses for one key share a single load. When a
 * reload fails (database down) the expired value keeps being served for another TTL rather than failing clicks.
 */
export class LinkCache<V> {
  readonly #load: (key: string) => Promise<V | undefined>;
  readonly #ttlMs: number;
  readonly #negativeTtlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #loading = new Map<string, Promise<V | undefined>>();

  constructor(options: LinkCacheOptions<V>) {
    this.#load = options.load;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#negativeTtlMs = options.negativeTtlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The fresh entry of `key` without waiting, or undefined when it must be loaded (then call {@link get}). Lets the
   * hot path answer a cached code without a promise.
   */
  peek(key: string): { readonly value: V | undefined } | undefined {
    const entry = this.#entries.get(key);
    return entry !== undefined && entry.expiresAt > this.#now() ? entry : undefined;
  }

  /** The value of `key`, from memory when fresh, else loaded once however many callers ask at the same time. */
  get(key: string): Promise<V | undefined> {
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.expiresAt > this.#now()) return Promise.resolve(entry.value);
    let loading = this.#loading.get(key);
    if (loading === undefined) {
      loading = this.#reload(key, entry).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
    }
    return loading;
  }

  /** Number of keys held (found and unknown). */
  get size(): number {
    return this.#entries.size;
  }

  async #reload(key: string, stale: Entry<V> | undefined): Promise<V | undefined> {
    let value: V | undefined;
    try {
      value = await this.#load(key);
    } catch (error) {
      if (stale?.value === undefined) throw error;
      this.#store(key, stale.value);
      return stale.value;
    }
    this.#store(key, value);
    return value;
  }

  #store(key: string, value: V | undefined) {
    // Deleting first moves the key to the end of the Map's insertion order, which is what eviction walks.
    this.#entries.delete(key);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    const ttl = value === undefined ? this.#negativeTtlMs : this.#ttlMs;
    this.#entries.set(key, { value, expiresAt: this.#now() + ttl });
  }
}
