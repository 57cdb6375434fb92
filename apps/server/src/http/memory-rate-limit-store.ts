import type { FastifyRateLimitStore } from '@fastify/rate-limit';

const MAX_KEYS = 10_000;

/**
 * A fixed-window in-memory store for @fastify/rate-limit (used without Redis). The package's own LocalStore hands
 * every caller the same live counter object, so calls counted in one tick (the procedures of one tRPC batch) all
 * read the final count and are all refused; this store answers each call with its own snapshot.
 */
export class MemoryRateLimitStore implements FastifyRateLimitStore {
  readonly #windows = new Map<string, { count: number; startedAt: number }>();

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = Date.now();
    let window = this.#windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      window = { count: 0, startedAt: now };
      this.#windows.delete(key);
      // Map keeps insertion order: the first key is the oldest window, dropped when the map is full.
      if (this.#windows.size >= MAX_KEYS) this.#windows.delete(this.#windows.keys().next().value ?? '');
      this.#windows.set(key, window);
    }
    window.count += 1;
    callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  /** The count of `key` without counting a hit; a window that has ended reads as empty. */
  read(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = Date.now();
    const window = this.#windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
    else callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  child(): MemoryRateLimitStore {
    return new MemoryRateLimitStore();
  }
}
