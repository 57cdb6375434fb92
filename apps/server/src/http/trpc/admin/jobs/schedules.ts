import type { ScheduleState } from '@warmpath/jobs';
import type { RegisteredSchedule } from '@warmpath/plugin-sdk';
import { queueJobName } from '../../../../app/plugins/job-names.js';
import { staffProcedure } from '../../trpc.js';

/** Who declared a schedule: core, or a plugin instance (with the job's qualified name, as the plugin knows it). */
type ScheduleOwner = { kind: 'core' } | { kind: 'plugin'; pluginId: string; instance: string; job: string };

function ownerOf(state: ScheduleState, pluginSchedules: Map<string, RegisteredSchedule>): ScheduleOwner {
  const plugin = pluginSchedules.get(state.name);
  return plugin
    ? { kind: 'plugin', pluginId: plugin.plugin, instance: plugin.instance, job: plugin.job }
    : { kind: 'core' };
}

/**
 * Every scheduled job of the installation (core and plugins) with its interval or cron pattern and the state all
 * processes share: last run, its result and error, next tick. Guarded like the plugins page.
 */
export const jobSchedules = staffProcedure.meta({ permission: 'plugins:read' }).query(async ({ ctx }) => {
  const pluginSchedules = new Map(
    ctx.runtime.pluginHost.schedules().map((schedule) => [queueJobName(schedule.job), schedule]),
  );
  const states = await ctx.runtime.queue.schedules();
  return states
    .map((state) => ({
      name: state.name,
      owner: ownerOf(state, pluginSchedules),
      everyMs: state.everyMs ?? null,
      cron: state.cron ?? null,
      jitterMs: state.jitterMs,
      lastRunAt: state.lastRunAt?.toISOString() ?? null,
      lastResult: state.lastResult,
      lastError: state.lastError,
      nextRunAt: state.nextRunAt?.toISOString() ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
});
