import type { JsonValue } from '../../dto/json.schema.js';
import { toJsonValue } from '../../host/to-json-value.js';
import type { Clock } from '../../ports/clock.js';
import type { KvEntry, KvSetOptions, KvStore, KvStoreProvider } from '../../ports/kv.js';

interface StoredValue {
  value: JsonValue;
  expiresAt: number | null;
}

/** KV stores in memory; entries expire by the given clock. Values are stored as JSON, like the real store. */
export class InMemoryKvStoreProvider implements KvStoreProvider {
  private readonly namespaces = new Map<string, Map<string, StoredValue>>();

  constructor(private readonly clock: Clock) {}

  namespace(name: string): KvStore {
    const entries = this.entriesOf(name);
    const isLive = (stored: StoredValue) =>
      stored.expiresAt === null || stored.expiresAt > this.clock.now().getTime();
    return {
      get: async (key) => {
        const stored = entries.get(key);
        return stored && isLive(stored) ? toJsonValue(stored.value) : undefined;
      },
      set: async (key: string, value: JsonValue, options?: KvSetOptions) => {
        const ttl = options?.ttlSeconds;
        entries.set(key, {
          value: toJsonValue(value),
          expiresAt: ttl === undefined ? null : this.clock.now().getTime() + ttl * 1000,
        });
      },
      delete: async (key) => {
        const stored = entries.get(key);
        entries.delete(key);
        return stored !== undefined && isLive(stored);
      },
      list: async (options) => {
        const prefix = options?.prefix ?? '';
        const live: KvEntry[] = [];
        for (const [key, stored] of entries) {
          if (key.startsWith(prefix) && isLive(stored)) live.push({ key, value: toJsonValue(stored.value) });
        }
        return live.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      },
    };
  }

  /** Namespaces that hold at least one entry (for assertions). */
  namespaceNames(): string[] {
    return [...this.namespaces].filter(([, entries]) => entries.size > 0).map(([name]) => name);
  }

  private entriesOf(name: string): Map<string, StoredValue> {
    let entries = this.namespaces.get(name);
    if (!entries) {
      entries = new Map();
      this.namespaces.set(name, entries);
    }
    return entries;
  }
}
