import { defineJob, type JobQueue } from '@warmpath/jobs';
import { type PluginHost, PluginLoadError } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { queueJobName } from './job-names.js';

/**
 * Gives the queue one job per plugin job (`plugin.<id>.<instance>.<name>`) and registers the schedules plugins
 * declared. A job's handler is looked up from the host each time it runs, not captured here: when an instance is
 * registered again at run time (live settings reload) its jobs run the new handler without a restart. Job names
 * an instance adds at run time need a restart: the queue's definitions are fixed at start.
 */
export function definePluginJobs(queue: JobQueue, currentHost: () => PluginHost): void {
  const host = currentHost();
  for (const job of host.jobs()) {
    queue.define(
      defineJob({
        name: queueJobName(job.name),
        // The plugin host validates the payload against the plugin's own schema inside `run`.
        schema: z.unknown(),
        handler: async (payload, ctx) => {
          const current = currentHost()
            .jobs()
            .find((candidate) => candidate.name === job.name);
          if (!current) throw new Error(`The plugin job "${job.name}" is no longer registered`);
          await current.run(payload, { id: ctx.id, name: job.name, attempt: ctx.attempt });
        },
      }),
    );
  }
  for (const schedule of host.schedules()) {
    const { job, every, cron, payload, jitterMs } = schedule;
    try {
      queue.schedule(queueJobName(job), {
        ...(every === undefined ? {} : { every }),
        ...(cron === undefined ? {} : { cron }),
        ...(jitterMs === undefined ? {} : { jitterMs }),
        payload,
      });
    } catch (error) {
      // A bad cron pattern or jitter (checked by the queue) stops the boot naming the plugin, like other load errors.
      throw new PluginLoadError(
        schedule.plugin,
        `the schedule of job "${job}" is invalid: ${error instanceof Error ? error.message : String(error)}`,
        { instance: schedule.instance },
      );
    }
  }
}
