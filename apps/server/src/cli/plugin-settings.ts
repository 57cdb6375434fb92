import { pluginSettingsPatchSchema, SYSTEM_CONTEXT, ValidationError } from '@warmpath/core';
import {
  readInstanceSettings,
  setInstanceEnabled,
  updateInstanceSettings,
} from '../app/plugins/instance-settings.js';
import { fail, withRuntime } from './with-runtime.js';

/** `--json` of `plugin settings set`: a JSON object, the merge patch the REST API's PUT takes. */
function parsePatch(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(new Error(`--json is not JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  const patch = pluginSettingsPatchSchema.safeParse(parsed);
  if (!patch.success) return fail(new Error('--json must be a JSON object of the settings to change'));
  return patch.data;
}

/** `warmpath plugin settings get`: the instance's stored settings as JSON, secrets only as `{ "set": … }`. */
export async function pluginSettingsGetCommand(pluginId: string, options: { instance: string }) {
  await withRuntime(async (runtime) => {
    const settings = await readInstanceSettings(runtime, pluginId, options.instance);
    process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
  });
}

/**
 * `warmpath plugin settings set`: the same validated merge patch as the console and the REST API, audited with the
 * system as actor (the operator at the shell has no account of their own there).
 */
export async function pluginSettingsSetCommand(
  pluginId: string,
  options: { instance: string; json: string },
) {
  const patch = parsePatch(options.json);
  await withRuntime(async (runtime) => {
    try {
      const settings = await updateInstanceSettings(
        runtime,
        pluginId,
        options.instance,
        patch,
        SYSTEM_CONTEXT,
      );
      process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
      process.stderr.write(
        'Saved; running servers reload the plugin instance with these settings within seconds.\n',
      );
    } catch (error) {
      // Name every refused field, one a line, instead of the one-line summary.
      if (error instanceof ValidationError) {
        const fields = error.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
        throw new Error(`the plugin refuses these settings, nothing was saved:\n${fields}`);
      }
      throw error;
    }
  });
}

/** `warmpath plugin enable|disable`: turns an instance on or off, audited with the system as actor. */
export async function pluginEnabledCommand(
  pluginId: string,
  options: { instance: string },
  enabled: boolean,
) {
  await withRuntime(async (runtime) => {
    const state = await setInstanceEnabled(runtime, pluginId, options.instance, enabled, SYSTEM_CONTEXT);
    process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
  });
}
