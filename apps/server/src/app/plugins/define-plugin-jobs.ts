import { defineJob, type JobQueue } from '@warmpath/jobs';
import type { PluginHost } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { PLUGIN_JOB, PluginJobEnvelopeSchema, queueJobName } from './job-names.js';
import { createPluginSchedules, type PluginSchedules } from './plugin-schedules.js';

/** Attempt context the queue hands a handler, as far as plugin jobs need it. */
interface AttemptContext {
  id: string;
  attempt: number;
}

/**
 * Runs the plugin job `name` as the host has it now. A job of an instance that is turned off, has invalid
 * settings or no longer defines it throws, so the queue retries it with its backoff (and keeps it as failed
 * after the last attempt) rather than losing it silently: an admin turning the instance back on in time lets it run.
 */
async function runPluginJob(
  host: PluginHost,
  name: string,
  payload: unknown,
  ctx: AttemptContext,
): Promise<void> {
  const current = host.jobs().find((candidate) => candidate.name === name);
  if (!current) {
    throw new Error(
      `The plugin job "${name}" is not registered now (its instance is turned off, has invalid settings or no longer defines it); it will be retried`,
    );
  }
  await current.run(payload, { id: ctx.id, name, attempt: ctx.attempt });
}

/**
 * Gives the queue the plugin jobs and registers the schedules plugins declared. Enqueued plugin jobs all run as
 * the one `PLUGIN_JOB`, whose handler finds the plugin's job in the host when it runs: an instance that starts
 * running after boot (settings fixed, turned on) has its jobs accepted without a restart, and a reloaded
 * instance's jobs run its new handler. The per-name jobs (`plugin.<id>.<instance>.<name>`) of the jobs known at
 * boot are still defined, so jobs already waiting under those names still run. Schedules are kept in step with
 * the host by the returned `PluginSchedules` (scheduled here, before start).
 */
export function definePluginJobs(queue: JobQueue, currentHost: () => PluginHost): PluginSchedules {
  queue.define(
    defineJob({
      name: PLUGIN_JOB,
      schema: PluginJobEnvelopeSchema,
      handler: ({ job, payload }, ctx) => runPluginJob(currentHost(), job, payload, ctx),
    }),
  );
  const host = currentHost();
  for (const job of host.jobs()) {
    queue.define(
      defineJob({
        name: queueJobName(job.name),
        // The plugin host validates the payload against the plugin's own schema inside `run`.
        schema: z.unknown(),
        handler: (payload, ctx) => runPluginJob(currentHost(), job.name, payload, ctx),
      }),
    );
  }
  const schedules = createPluginSchedules(queue, currentHost);
  // A refused schedule throws here, stopping the boot naming the plugin; nothing is unscheduled on a first sync.
  void schedules.sync();
  return schedules;
}
