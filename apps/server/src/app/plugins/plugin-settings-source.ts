import type { SecretBox } from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import type { SettingsSource } from '@warmpath/plugin-sdk';

type JsonRecord = Record<string, unknown>;

/** Writes `value` at a dotted path (`auth.clientSecret`), creating objects on the way. */
function setPath(target: JsonRecord, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    const next: JsonRecord =
      typeof existing === 'object' && existing !== null ? { ...(existing as JsonRecord) } : {};
    node[part] = next;
    node = next;
  }
  node[parts.at(-1) as string] = value;
}

export interface StoredInstance {
  pluginId: string;
  instance: string;
  enabled: boolean;
}

/**
 * Stored plugin settings, read once at boot (the plugin host needs them synchronously while plugins register).
 * Secret settings are kept sealed in `secrets` (a JSON object of dotted path → value) and merged in here only.
 */
export async function loadPluginSettings(
  db: Kysely<Database>,
  box: SecretBox,
): Promise<{ source: SettingsSource; instances: StoredInstance[] }> {
  const rows = await db.selectFrom('plugin_settings').selectAll().execute();
  const byKey = new Map<string, JsonRecord>();
  for (const row of rows) {
    const settings: JsonRecord = structuredClone(row.settings as JsonRecord);
    if (row.secrets) {
      for (const [path, value] of Object.entries(box.openJson(row.secrets) as JsonRecord))
        setPath(settings, path, value);
    }
    byKey.set(`${row.plugin_id}:${row.instance}`, settings);
  }
  return {
    source: { get: (pluginId, instance) => byKey.get(`${pluginId}:${instance}`) ?? {} },
    instances: rows.map((row) => ({ pluginId: row.plugin_id, instance: row.instance, enabled: row.enabled })),
  };
}
