import { type Database, json, type Kysely } from '@warmpath/db';
import type { Clock, JsonValue, KvEntry, KvSetOptions, KvStore, KvStoreProvider } from '@warmpath/plugin-sdk';
import type { ExpressionBuilder } from 'kysely';

/** Entries without an expiry, or expiring after `now`. */
const isLive = (now: Date) => (eb: ExpressionBuilder<Database, 'plugin_kv'>) =>
  eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);

/** Escapes LIKE wildcards so a key prefix matches literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The `kv` port backed by the `plugin_kv` table: one namespace per plugin instance, expiry by the host clock. */
export class DbKvStoreProvider implements KvStoreProvider {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  namespace(name: string): KvStore {
    const { db, clock } = this;
    const live = () => isLive(clock.now());
    return {
      async get(key: string): Promise<JsonValue | undefined> {
        const row = await db
          .selectFrom('plugin_kv')
          .select('value')
          .where('namespace', '=', name)
          .where('key', '=', key)
          .where(live())
          .executeTakeFirst();
        return row?.value as JsonValue | undefined;
      },
      async set(key: string, value: JsonValue, options?: KvSetOptions): Promise<void> {
        const now = clock.now();
        const expiresAt = options?.ttlSeconds ? new Date(now.getTime() + options.ttlSeconds * 1000) : null;
        await db
          .insertInto('plugin_kv')
          .values({ namespace: name, key, value: json(value), expires_at: expiresAt, updated_at: now })
          .onConflict((oc) =>
            oc
              .columns(['namespace', 'key'])
              .doUpdateSet({ value: json(value), expires_at: expiresAt, updated_at: now }),
          )
          .execute();
      },
      async delete(key: string): Promise<boolean> {
        const result = await db
          .deleteFrom('plugin_kv')
          .where('namespace', '=', name)
          .where('key', '=', key)
          .where(live())
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      },
      async list(options?: { prefix?: string }): Promise<KvEntry[]> {
        let query = db
          .selectFrom('plugin_kv')
          .select(['key', 'value'])
          .where('namespace', '=', name)
          .where(live())
          .orderBy('key');
        if (options?.prefix) query = query.where('key', 'like', likePrefix(options.prefix));
        const rows = await query.execute();
        return rows.map((row) => ({ key: row.key, value: row.value as JsonValue }));
      },
    };
  }
}
