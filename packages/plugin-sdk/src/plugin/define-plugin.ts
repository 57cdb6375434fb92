import type { z } from 'zod';
import type { PluginContext } from './plugin-context.js';

/** Settings are an object: the admin console renders one form field per property. */
export type SettingsObjectSchema = z.ZodObject;

/** Marks objects made by {@link definePlugin}; `Symbol.for` so two copies of the SDK recognise each other. */
export const PLUGIN_MARK: unique symbol = Symbol.for('warmpath.plugin');

/** What a plugin author passes to {@link definePlugin}. */
export interface PluginDefinition<
  ConfigSchema extends z.ZodType,
  SettingsSchema extends SettingsObjectSchema,
> {
  /** Unique plugin id: lower-case letters, digits, dashes (`crm-salesforce`). Routes mount under `/plugins/<id>/`. */
  id: string;
  /** The plugin's own version (semver), usually its package version. */
  version: string;
  /** The range of SDK versions the plugin works with, e.g. `'^1'`; checked against `SDK_VERSION` at load. */
  sdk: string;
  /** A human name for the admin console; defaults to the id. */
  displayName?: string;
  /** One sentence on what the plugin does. */
  description?: string;
  /**
   * Deploy-time config (from the host's plugin list; `{}` when none is given); a bad config stops the boot.
   * Use `z.object({})` when the plugin has none.
   */
  configSchema: ConfigSchema;
  /**
   * Per-installation settings edited in the admin console and stored by the host (secrets marked with
   * `secret()`). Give fields defaults where you can: an instance whose stored settings do not validate is not
   * started. Use `z.object({})` when the plugin has none.
   */
  settingsSchema: SettingsSchema;
  /**
   * Adds the plugin's implementations, jobs, event subscriptions and routes through `ctx`. Synchronous and
   * without side effects beyond `ctx`: it runs at every boot, in every process.
   */
  register(ctx: PluginContext<z.output<ConfigSchema>, z.output<SettingsSchema>>): void;
}

/** A plugin, as the host loads it (a package's default export). */
export interface WarmpathPlugin<ConfigSchema extends z.ZodType, SettingsSchema extends SettingsObjectSchema> {
  readonly [PLUGIN_MARK]: true;
  readonly id: string;
  readonly version: string;
  readonly sdk: string;
  readonly displayName: string;
  readonly description: string | undefined;
  readonly configSchema: ConfigSchema;
  readonly settingsSchema: SettingsSchema;
  register(ctx: PluginContext<z.output<ConfigSchema>, z.output<SettingsSchema>>): void;
}

/** A plugin of any config and settings type. */
export type AnyWarmpathPlugin = WarmpathPlugin<z.ZodType, SettingsObjectSchema>;

/**
 * Declares a plugin. `ctx.config` and `ctx.settings` are typed from the schemas.
 * @example
 * export default definePlugin({
 *   id: 'fraud', version: '0.1.0', sdk: '^1', configSchema: z.object({}),
 *   settingsSchema: z.object({ threshold: z.number().default(5) }),
 *   register(ctx) { ctx.fraud.add('velocity', (c) => createVelocityRule(c.settings.threshold)); },
 * });
 */
export function definePlugin<ConfigSchema extends z.ZodType, SettingsSchema extends SettingsObjectSchema>(
  definition: PluginDefinition<ConfigSchema, SettingsSchema>,
): WarmpathPlugin<ConfigSchema, SettingsSchema> {
  return Object.freeze({
    [PLUGIN_MARK]: true as const,
    id: definition.id,
    version: definition.version,
    sdk: definition.sdk,
    displayName: definition.displayName ?? definition.id,
    description: definition.description,
    configSchema: definition.configSchema,
    settingsSchema: definition.settingsSchema,
    register: definition.register,
  });
}

/** True when `value` was made by {@link definePlugin} (e.g. a module's default export). */
export function isWarmpathPlugin(value: unknown): value is AnyWarmpathPlugin {
  return typeof value === 'object' && value !== null && PLUGIN_MARK in value && value[PLUGIN_MARK] === true;
}
