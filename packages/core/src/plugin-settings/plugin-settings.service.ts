import type { JsonValue } from '@warmpath/db';
import type { z } from 'zod';
import { type AuditContext, SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { SecretBox } from '../common/secret-box.js';
import { issuesFromZodError, ValidationError } from '../errors.js';
import { getPath, withoutPath, withPath } from './dotted-paths.js';
import {
  findPluginSettingsRow,
  setPluginInstanceEnabledRow,
  upsertPluginSettingsRow,
} from './plugin-settings.repository.js';
import {
  type MaskedSettings,
  PLUGIN_INSTANCE_DISABLED,
  PLUGIN_INSTANCE_ENABLED,
  PLUGIN_SETTINGS_UPDATED,
} from './plugin-settings.schema.js';
import { noticePluginSettingsChanged } from './settings-change-notice.js';
import { applySettingsPatch, settingsToStore } from './settings-patch.js';

/** What the service needs to know of a plugin: who it is and how its settings validate. */
export interface PluginSettingsTarget {
  pluginId: string;
  instance: string;
  settingsSchema: z.ZodType;
  /** Dotted paths of its secret settings (`secret()` in the SDK). */
  secretPaths: readonly string[];
}

/** Dependencies of {@link PluginSettingsService}. */
export interface PluginSettingsServiceDeps {
  db: Executor;
  /** Seals secret settings at rest (WARMPATH_SECRET_KEY), as the plugin host reads them at boot. */
  secretBox: SecretBox;
  clock?: Clock | undefined;
}

type JsonRecord = Record<string, unknown>;

/**
 * Plugin settings saved from the console: validated by the plugin's own schema, secrets sealed apart from the
 * other settings and never read back (write-only), every change audited without secret values.
 */
export class PluginSettingsService {
  readonly #db: Executor;
  readonly #secretBox: SecretBox;
  readonly #clock: Clock;

  constructor(deps: PluginSettingsServiceDeps) {
    this.#db = deps.db;
    this.#secretBox = deps.secretBox;
    this.#clock = deps.clock ?? systemClock;
  }

  /** The stored settings of an instance with each secret replaced by `{ set }`. */
  async maskedSettings(target: Omit<PluginSettingsTarget, 'settingsSchema'>): Promise<MaskedSettings> {
    const stored = await this.#stored(this.#db, target.pluginId, target.instance);
    let masked: JsonRecord = stored.settings;
    for (const path of target.secretPaths) {
      masked = withPath(masked, path, { set: stored.secrets[path] !== undefined });
    }
    return masked as MaskedSettings;
  }

  /**
   * Applies `changes` to an instance's stored settings as a merge patch: only the settings named change (groups
   * merge, lists are replaced whole, `null` puts a setting back to its default), so a form that sends what the
   * person changed cannot reset anything else. A secret left out, empty or null keeps its stored value. The
   * merged settings must pass the plugin's schema (a `ValidationError` with field paths otherwise); what is stored
   * is what someone set, never the schema's defaults, so a setting never set follows the plugin's default. Every
   * process running plugins reloads the instance once the change commits (a notice on the settings channel).
   */
  async update(
    target: PluginSettingsTarget,
    changes: JsonRecord,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<MaskedSettings> {
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const stored = await this.#stored(trx, target.pluginId, target.instance);
      let candidate = applySettingsPatch(stored.settings, changes);
      for (const path of target.secretPaths) {
        const given = getPath(changes, path);
        const kept = stored.secrets[path];
        if (given === undefined || given === '' || given === null) {
          candidate = kept === undefined ? withoutPath(candidate, path) : withPath(candidate, path, kept);
        }
      }
      const parsed = target.settingsSchema.safeParse(candidate);
      if (!parsed.success) throw new ValidationError(issuesFromZodError(parsed.error));
      let settings = settingsToStore(candidate, parsed.data as JsonRecord);
      const secrets: JsonRecord = {};
      for (const path of target.secretPaths) {
        const value = getPath(settings, path);
        if (value !== undefined) secrets[path] = value;
        settings = withoutPath(settings, path);
      }
      const changedSecrets = target.secretPaths.filter(
        (path) => JSON.stringify(stored.secrets[path]) !== JSON.stringify(secrets[path]),
      );
      const changedSettings = diffChanges(
        stored.settings as Record<string, JsonValue>,
        settings as Record<string, JsonValue>,
      );
      // Saving what is already stored writes nothing: no row touched, no audit entry.
      if (Object.keys(changedSettings).length === 0 && changedSecrets.length === 0) return;
      await upsertPluginSettingsRow(trx, {
        pluginId: target.pluginId,
        instance: target.instance,
        settings,
        secrets: Object.keys(secrets).length === 0 ? null : this.#secretBox.sealJson(secrets),
        now,
      });
      await recordAudit(trx, {
        ...context,
        action: PLUGIN_SETTINGS_UPDATED,
        target: { type: 'plugin_instance', id: `${target.pluginId}:${target.instance}` },
        changes: {
          ...changedSettings,
          // Which secrets changed, never their values.
          ...(changedSecrets.length > 0 ? { secretsChanged: changedSecrets } : {}),
        },
        at: now,
      });
      await noticePluginSettingsChanged(trx, { pluginId: target.pluginId, instance: target.instance });
    });
    return this.maskedSettings(target);
  }

  /**
   * Turns an instance on or off (audited). Every process running plugins reloads it once the change commits: a
   * disabled instance stops answering routes and webhooks and its implementations leave the host. True when the
   * flag changed, false when it already was so (nothing written).
   */
  async setEnabled(
    target: Pick<PluginSettingsTarget, 'pluginId' | 'instance'>,
    enabled: boolean,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<boolean> {
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const change = { pluginId: target.pluginId, instance: target.instance };
      const changed = await setPluginInstanceEnabledRow(trx, { ...change, enabled, now });
      if (!changed) return false;
      await recordAudit(trx, {
        ...context,
        action: enabled ? PLUGIN_INSTANCE_ENABLED : PLUGIN_INSTANCE_DISABLED,
        target: { type: 'plugin_instance', id: `${target.pluginId}:${target.instance}` },
        changes: { enabled },
        at: now,
      });
      await noticePluginSettingsChanged(trx, change);
      return true;
    });
  }

  async #stored(executor: Executor, pluginId: string, instance: string) {
    const row = await findPluginSettingsRow(executor, pluginId, instance);
    const settings = (row?.settings ?? {}) as JsonRecord;
    let secrets: JsonRecord = {};
    if (row?.secrets) {
      try {
        secrets = this.#secretBox.openJson(row.secrets) as JsonRecord;
      } catch {
        // Sealed under another WARMPATH_SECRET_KEY: unreadable, so treated as unset and replaced on save.
        secrets = {};
      }
    }
    return { settings, secrets };
  }
}
