import { runInTransaction } from '@warmpath/core';
import { waitFor } from '@warmpath/jobs/testing';
import { definePlugin, type PluginContext } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer, testStacks } from '../../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('plugin jobs on $name', (stack) => {
  const ran: string[] = [];
  let ticks = 0;
  let ctx: PluginContext<unknown, Record<string, unknown>> | undefined;
  const probe = definePlugin({
    id: 'probe',
    version: '1.0.0',
    sdk: '^1',
    configSchema: z.object({}),
    settingsSchema: z.object({}),
    register(c) {
      ctx = c;
      c.jobs.define('record', {
        payload: z.object({ tag: z.string() }),
        async handler({ tag }) {
          ran.push(tag);
        },
      });
      c.jobs.define('tick', {
        payload: z.object({}),
        async handler() {
          ticks += 1;
        },
      });
      c.jobs.schedule('tick', { every: 200 });
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ stack, plugins: [probe] });
  });
  afterAll(() => server.close());

  const outboxRowsTagged = async (tag: string) => {
    const rows = await server.runtime.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('job_name', '=', 'plugin.job')
      .execute();
    return rows.filter((row) => JSON.stringify(row.payload).includes(tag));
  };

  it('runs a job enqueued in a unit of work only if it commits', async () => {
    const db = server.runtime.database.db;
    await expect(
      runInTransaction(db, async () => {
        await ctx?.jobs.enqueue('record', { tag: 'rolled-back' });
        throw new Error('the use case fails after the plugin enqueued');
      }),
    ).rejects.toThrow('the use case fails');
    await runInTransaction(db, async () => {
      await ctx?.jobs.enqueue('record', { tag: 'committed' });
    });

    await waitFor(() => ran.includes('committed'), { message: 'the committed job to run' });
    expect(await outboxRowsTagged('rolled-back')).toEqual([]);
    expect(ran).not.toContain('rolled-back');
  });

  it('writes a job enqueued outside a unit of work to the outbox on its own, and runs it', async () => {
    const { id } = (await ctx?.jobs.enqueue('record', { tag: 'standalone' })) ?? { id: '' };
    await waitFor(() => ran.includes('standalone'), { message: 'the standalone job to run' });
    // The id a plugin gets back is its outbox row's.
    const row = await server.runtime.database.db
      .selectFrom('outbox')
      .select('job_name')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.job_name).toBe('plugin.job');
  });

  it('runs the schedule a plugin declared and shows it next to the core ones', async () => {
    await waitFor(() => ticks >= 2, { message: 'two scheduled ticks' });
    const schedules = await server.runtime.queue.schedules();
    expect(schedules.map((schedule) => schedule.name)).toEqual(
      expect.arrayContaining(['core.housekeeping', 'plugin.probe.default.tick']),
    );
    await waitFor(
      async () =>
        (await server.runtime.queue.schedules()).find((s) => s.name === 'plugin.probe.default.tick')
          ?.lastResult === 'ok',
      { message: 'the tick state' },
    );
  });
});
