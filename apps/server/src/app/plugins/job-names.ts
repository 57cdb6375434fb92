import { z } from 'zod';

/**
 * Plugin jobs are qualified `plugin:<id>:<instance>:<name>`, but queue names cannot contain `:` (BullMQ keys use it
 * as a separator), so the queue knows them as `plugin.<id>.<instance>.<name>`. Only schedules still use these
 * per-name queue jobs; enqueued plugin jobs all go through `PLUGIN_JOB`.
 */
export function queueJobName(qualifiedName: string): string {
  return qualifiedName.replaceAll(':', '.');
}

/**
 * The one queue job every enqueued plugin job runs as. Its name does not depend on which instances were running
 * at boot, so a job of an instance that starts running later (settings fixed, turned on) is accepted without a
 * restart: the handler finds the plugin's job in the host when it runs.
 */
export const PLUGIN_JOB = 'plugin.job';

/** The payload of `PLUGIN_JOB`: the plugin job's qualified name and its own payload. */
export const PluginJobEnvelopeSchema = z.object({
  /** The qualified name, `plugin:<id>:<instance>:<name>`. */
  job: z.string().min(1),
  /** Validated by the plugin host against the plugin's own schema when the job runs. */
  payload: z.unknown(),
});
export type PluginJobEnvelope = z.infer<typeof PluginJobEnvelopeSchema>;
