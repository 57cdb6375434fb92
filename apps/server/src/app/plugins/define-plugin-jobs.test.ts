import { createInProcessQueue, silentJobLogger } from '@warmpath/jobs';
import { waitFor } from '@warmpath/jobs/testing';
import { definePlugin, type PluginHost } from '@warmpath/plugin-sdk';
import { createTestHost } from '@warmpath/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePluginJobs } from './define-plugin-jobs.js';
import { PLUGIN_JOB } from './job-names.js';

/** A plugin whose `greet` job records which generation of its handler ran. */
function greeter(generation: string, runs: string[]) {
  return definePlugin({
    id: 'greeter',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}),
    settingsSchema: z.object({}),
    register(ctx) {
      ctx.jobs.define('greet', {
        payload: z.object({ name: z.string() }),
        async handler({ name }) {
          runs.push(`${generation}:${name}`);
        },
      });
      ctx.jobs.schedule('greet', { cron: '0 3 * * *', payload: { name: 'nightly' } });
    },
  });
}

describe('definePluginJobs', () => {
  it('runs the handler the host holds when the job runs, so a re-registered instance needs no restart', async () => {
    const runs: string[] = [];
    let host: PluginHost = createTestHost({ plugins: [greeter('first', runs)] }).host;
    const queue = createInProcessQueue({ logger: silentJobLogger });
    definePluginJobs(queue, () => host);
    await queue.start();

    await queue.enqueue('plugin.greeter.default.greet', { name: 'ada' });
    await queue.drain();
    host = createTestHost({ plugins: [greeter('second', runs)] }).host;
    await queue.enqueue('plugin.greeter.default.greet', { name: 'grace' });
    await queue.drain();

    expect(runs).toEqual(['first:ada', 'second:grace']);
    expect(await queue.schedules()).toEqual([
      expect.objectContaining({ name: 'plugin.greeter.default.greet', cron: '0 3 * * *' }),
    ]);
    await queue.stop();
  });

  it('fails a job of an instance turned off retryably, so it runs once the instance is back', async () => {
    const runs: string[] = [];
    const on = createTestHost({ plugins: [greeter('on', runs)] }).host;
    const off = createTestHost({ plugins: [] }).host;
    let host: PluginHost = off;
    let lookups = 0;
    const queue = createInProcessQueue({
      logger: silentJobLogger,
      defaultRetry: { attempts: 5, backoffMs: 20 },
    });
    definePluginJobs(queue, () => {
      lookups += 1;
      return host;
    });
    await queue.start();
    lookups = 0;
    // A job name no boot knew (the greeter is off at boot): it still goes through the one plugin job.
    await queue.enqueue(PLUGIN_JOB, { job: 'plugin:greeter:default:greet', payload: { name: 'late' } });
    await waitFor(() => lookups >= 1, { message: 'a first attempt, failing while the instance is off' });
    host = on;
    await waitFor(() => runs.includes('on:late'), { message: 'the retry to run once the instance is on' });
    await queue.stop();
  });

  it('stops the boot naming the plugin when the queue refuses its schedule', () => {
    const plugin = definePlugin({
      id: 'badcron',
      version: '1.0.0',
      sdk: '^1',
      configSchema: z.object({}),
      settingsSchema: z.object({}),
      register(ctx) {
        ctx.jobs.define('run', { payload: z.object({}), handler: async () => {} });
        ctx.jobs.schedule('run', { cron: 'every day at noon' });
      },
    });
    const { host } = createTestHost({ plugins: [plugin] });
    const queue = createInProcessQueue({ logger: silentJobLogger });
    expect(() => definePluginJobs(queue, () => host)).toThrow(/Cannot load plugin "badcron".*cron/);
  });
});
