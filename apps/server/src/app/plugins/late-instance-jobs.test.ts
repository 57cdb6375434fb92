import { waitFor } from '@warmpath/jobs/testing';
import { definePlugin } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { restCaller } from '../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('jobs of an instance that starts running after boot on $name', (stack) => {
  const ran: string[] = [];
  let ticks = 0;
  /** Needs a token it has no default for: with nothing stored, the instance boots with invalid settings. */
  const late = definePlugin({
    id: 'late',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}).default({}),
    settingsSchema: z.object({ token: z.string().min(1) }),
    register(ctx) {
      ctx.jobs.define('record', {
        payload: z.object({ tag: z.string() }),
        async handler({ tag }) {
          ran.push(`${ctx.settings.token}:${tag}`);
        },
      });
      ctx.jobs.define('tick', {
        payload: z.object({}),
        async handler() {
          ticks += 1;
        },
      });
      ctx.jobs.schedule('tick', { every: 200 });
      ctx.http.route({
        method: 'POST',
        path: '/kick',
        handler: async () => {
          await ctx.jobs.enqueue('record', { tag: 'kicked' });
          return { status: 202, body: {} };
        },
      });
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack, plugins: [late] });
  });
  afterAll(() => server?.close());

  const scheduleNames = async () => (await server.runtime.queue.schedules()).map((state) => state.name);

  it('runs a job its route enqueues and ticks its schedule once its settings are fixed over REST, without a restart', async () => {
    expect(await scheduleNames()).not.toContain('plugin.late.default.tick');
    const status = () =>
      server.runtime.pluginHost
        .plugins()
        .find((plugin) => plugin.id === 'late')
        ?.instances.find((instance) => instance.instance === 'default')?.status;
    expect(status()).toBe('invalid-settings');
    const saved = await restCaller(server)({
      method: 'PUT',
      url: '/api/v1/plugins/late/instances/default/settings',
      body: { token: 't1' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await waitFor(() => status() === 'active', { timeoutMs: 5000, message: 'the instance to reload' });
    const kicked = await server.app.inject({ method: 'POST', url: '/plugins/late/default/kick' });
    expect(kicked.statusCode, kicked.body).toBe(202);
    await waitFor(() => ran.includes('t1:kicked'), { timeoutMs: 10_000, message: 'the late job to run' });
    await waitFor(() => ticks >= 2, { timeoutMs: 10_000, message: 'the late schedule to tick twice' });
    expect(await scheduleNames()).toContain('plugin.late.default.tick');
  });

  it('removes the schedule of the instance once it is turned off', async () => {
    const turnedOff = await restCaller(server)({
      method: 'PUT',
      url: '/api/v1/plugins/late/instances/default/enabled',
      body: { enabled: false },
    });
    expect(turnedOff.statusCode, turnedOff.body).toBe(200);
    await waitFor(async () => !(await scheduleNames()).includes('plugin.late.default.tick'), {
      timeoutMs: 5000,
      message: 'the schedule to be removed',
    });
  });
});
