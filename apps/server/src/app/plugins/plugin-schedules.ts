import type { JobQueue } from '@warmpath/jobs';
import { type PluginHost, PluginLoadError } from '@warmpath/plugin-sdk';
import { PLUGIN_JOB, type PluginJobEnvelope, queueJobName } from './job-names.js';

/** What to do with a schedule the queue refuses (bad cron pattern or jitter). */
export type InvalidScheduleHandling = 'throw' | { log: (error: PluginLoadError) => void };

/** Keeps the queue's plugin schedules equal to the schedules the plugin host holds now. */
export interface PluginSchedules {
  /**
   * Schedules what the host declares and was not scheduled yet (or changed), and unschedules the plugin schedules
   * the host no longer has (an instance turned off or now invalid). Safe to call again at any time: unchanged
   * schedules are left alone, so their ticks are not pushed back. Schedules synchronously (with 'throw', a
   * refused schedule throws at once, as the boot needs); the returned promise settles once removals are applied.
   */
  sync(onInvalid?: InvalidScheduleHandling): Promise<void>;
}

/**
 * The plugin schedules of one queue. Each runs `PLUGIN_JOB` under the id `plugin.<id>.<instance>.<job>`, so
 * schedules of instances that start running after boot need no queue job defined at boot. Called at boot (before
 * `start()`) and after every live settings reload. With BullMQ only job-processing processes write schedulers
 * (the queue's own rule): an API process keeps its list for display and never fights the workers, and workers
 * applying the same idempotent upsert/remove converge.
 */
export function createPluginSchedules(queue: JobQueue, currentHost: () => PluginHost): PluginSchedules {
  /** Scheduled id → what it was scheduled with, to leave unchanged schedules alone. */
  const scheduled = new Map<string, string>();
  return {
    sync(onInvalid = 'throw') {
      const wanted = new Set<string>();
      for (const schedule of currentHost().schedules()) {
        const { job, every, cron, payload, jitterMs } = schedule;
        const id = queueJobName(job);
        wanted.add(id);
        const envelope: PluginJobEnvelope = { job, payload };
        const options = {
          id,
          ...(every === undefined ? {} : { every }),
          ...(cron === undefined ? {} : { cron }),
          ...(jitterMs === undefined ? {} : { jitterMs }),
          payload: envelope,
        };
        const fingerprint = JSON.stringify(options);
        if (scheduled.get(id) === fingerprint) continue;
        try {
          queue.schedule(PLUGIN_JOB, options);
          scheduled.set(id, fingerprint);
        } catch (error) {
          // A bad cron pattern or jitter (checked by the queue): at boot it stops the boot naming the plugin.
          const refused = new PluginLoadError(
            schedule.plugin,
            `the schedule of job "${job}" is invalid: ${error instanceof Error ? error.message : String(error)}`,
            { instance: schedule.instance },
          );
          if (onInvalid === 'throw') throw refused;
          onInvalid.log(refused);
        }
      }
      const removed = [...scheduled.keys()].filter((id) => !wanted.has(id));
      for (const id of removed) scheduled.delete(id);
      return Promise.all(removed.map((id) => queue.unschedule(id))).then(() => {});
    },
  };
}
