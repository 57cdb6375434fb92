import type { SecretBox } from '@warmpath/core';
import { type Database, json, type Kysely } from '@warmpath/db';
import type { Clock, CredentialStore, CredentialVault, JsonObject } from '@warmpath/plugin-sdk';

/** Credentials live in `plugin_kv` under a namespace plugins cannot reach (their own namespaces are `<id>:<instance>`). */
const NAMESPACE = '__warmpath:credentials';

/**
 * The `credentials` port: one encrypted record per plugin instance (OAuth tokens refreshed at run time). Stored in
 * the database so every API pod and worker sees the latest token.
 */
export class DbCredentialVault implements CredentialVault {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  forInstance(pluginId: string, instance: string): CredentialStore {
    const key = `${pluginId}:${instance}`;
    const { db, box, clock } = this;
    return {
      async get(): Promise<JsonObject | null> {
        const row = await db
          .selectFrom('plugin_kv')
          .select('value')
          .where('namespace', '=', NAMESPACE)
          .where('key', '=', key)
          .executeTakeFirst();
        const sealed = row?.value;
        return typeof sealed === 'string' ? (box.openJson(sealed) as JsonObject) : null;
      },
      async set(record: JsonObject): Promise<void> {
        const value = json(box.sealJson(record));
        const now = clock.now();
        await db
          .insertInto('plugin_kv')
          .values({ namespace: NAMESPACE, key, value, expires_at: null, updated_at: now })
          .onConflict((oc) => oc.columns(['namespace', 'key']).doUpdateSet({ value, updated_at: now }))
          .execute();
      },
      async clear(): Promise<void> {
        await db.deleteFrom('plugin_kv').where('namespace', '=', NAMESPACE).where('key', '=', key).execute();
      },
    };
  }
}
