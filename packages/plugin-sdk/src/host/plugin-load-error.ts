/**
 * A plugin cannot be loaded: not a plugin, SDK range not satisfied, invalid config, a failing `register` or
 * factory. The message names the plugin (and instance) and the problem; the host app stops its boot with it.
 */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';

  /**
   * @param pluginId the plugin's id (or how the host knows it when it has none).
   * @param problem what is wrong, as a sentence fragment.
   */
  constructor(
    readonly pluginId: string,
    readonly problem: string,
    options?: { instance?: string; cause?: unknown },
  ) {
    const where = options?.instance ? ` (instance "${options.instance}")` : '';
    super(`Cannot load plugin "${pluginId}"${where}: ${problem}`, { cause: options?.cause });
    this.instance = options?.instance;
  }

  /** The instance concerned, when the problem is specific to one. */
  readonly instance: string | undefined;
}

/** The message of an unknown thrown value. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
