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

/** The settings plugins read through `ports.settings`, replaced instance by instance when they change. */
export interface PluginSettingsStore extends SettingsSource {
  /** Replaces an instance's settings (secrets merged in); the next `host.reloadInstance` reads them. */
  set(pluginId: string, instance: string, settings: JsonRecord): void;
}

type PluginSettingsRow = Awaited<ReturnType<typeof readRows>>[number];

function readRows(db: Kysely<Database>, where?: { pluginId: string; instance: string }) {
  let query = db.selectFrom('plugin_settings').selectAll();
  if (where) query = query.where('plugin_id', '=', where.pluginId).where('instance', '=', where.instance);
  return query.execute();
}

/** A row's settings with its sealed secrets opened and merged in at their dotted paths. */
function settingsOf(row: PluginSettingsRow, box: SecretBox): JsonRecord {
  const settings: JsonRecord = structuredClone(row.settings as JsonRecord);
  if (row.secrets) {
    for (const [path, value] of Object.entries(box.openJson(row.secrets) as JsonRecord))
      setPath(settings, path, value);
  }
  return settings;
}

/**
 * Stored plugin settings, read at boot (the plugin host needs them synchronously while plugins register).
 * Secret settings are kept sealed in `secrets` (a JSON object of dotted path → value) and merged in here only.
 */
export async function loadPluginSettings(
  db: Kysely<Database>,
  box: SecretBox,
): Promise<{ source: PluginSettingsStore; instances: StoredInstance[] }> {
  const rows = await readRows(db);
  const byKey = new Map<string, JsonRecord>();
  for (const row of rows) byKey.set(`${row.plugin_id}:${row.instance}`, settingsOf(row, box));
  return {
    source: {
      get: (pluginId, instance) => byKey.get(`${pluginId}:${instance}`) ?? {},
      set: (pluginId, instance, settings) => byKey.set(`${pluginId}:${instance}`, settings),
    },
    instances: rows.map((row) => ({ pluginId: row.plugin_id, instance: row.instance, enabled: row.enabled })),
  };
}

/** One instance's stored settings and enabled flag now; an instance without a row has none and is enabled. */
export async function readStoredInstance(
  db: Kysely<Database>,
  box: SecretBox,
  pluginId: string,
  instance: string,
): Promise<{ settings: JsonRecord; enabled: boolean }> {
  const [row] = await readRows(db, { pluginId, instance });
  return row ? { settings: settingsOf(row, box), enabled: row.enabled } : { settings: {}, enabled: true };
}
