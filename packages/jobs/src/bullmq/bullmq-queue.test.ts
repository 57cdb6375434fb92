import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobQueueUnavailableError } from '../errors.js';
import { defineJob } from '../job-definition.js';
import type { JobQueue } from '../job-queue.js';
import { silentJobLogger } from '../logger.js';
import { describeJobQueueContract } from '../testing/job-queue-contract.js';
import { deleteRedisKeys, TEST_REDIS_URL, testQueueDrivers, uniqueRedisPrefix } from '../testing/redis.js';
import { sleep, waitFor } from '../testing/wait-for.js';
import { createBullMqQueue } from './bullmq-queue.js';

const drivers = await testQueueDrivers();
const prefixes: string[] = [];

function newPrefix(): string {
  const prefix = uniqueRedisPrefix('jobs');
  prefixes.push(prefix);
  return prefix;
}

describe.runIf(drivers.includes('bullmq'))('BullMQ driver (Redis at TEST_REDIS_URL)', () => {
  afterAll(async () => {
    await Promise.all(prefixes.map((prefix) => deleteRedisKeys(TEST_REDIS_URL, prefix)));
  });

  describeJobQueueContract('bullmq', () =>
    createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix: newPrefix(), logger: silentJobLogger }),
  );

  const counter = z.object({ n: z.number() });

  it('lets an API pod enqueue (process: false) and a worker pod run the job', async () => {
    const prefix = newPrefix();
    const runs: number[] = [];
    const job = defineJob({
      name: 'pods.work',
      schema: counter,
      handler: async ({ n }) => {
        runs.push(n);
      },
    });
    const api = createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger });
    const worker = createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger });
    api.define(job);
    worker.define(job);
    try {
      await api.start({ process: false });
      await api.enqueue('pods.work', { n: 1 });
      await api.enqueue('pods.work', { n: 2 });
      await worker.start();
      await waitFor(() => runs.length === 2, { message: 'the worker pod to run both jobs' });
      expect(runs.sort()).toEqual([1, 2]);
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
    }
  });

  it('holds a job’s concurrency limit across several workers', async () => {
    const prefix = newPrefix();
    let running = 0;
    let mostAtOnce = 0;
    let done = 0;
    const job = defineJob({
      name: 'pods.exclusive',
      schema: counter,
      concurrency: 1,
      handler: async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(30);
        running -= 1;
        done += 1;
      },
    });
    const workers: JobQueue[] = [1, 2].map(() =>
      createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger }),
    );
    try {
      for (const worker of workers) {
        worker.define(job);
        await worker.start();
      }
      for (let n = 0; n < 4; n += 1) await workers[0]?.enqueue('pods.exclusive', { n });
      await waitFor(() => done === 4, { message: 'all four jobs' });
      expect(mostAtOnce).toBe(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it('runs a scheduled job once per tick with three workers, and never overlaps a slow run across them', async () => {
    const prefix = newPrefix();
    const ticks: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    let slowRuns = 0;
    const tick = defineJob({
      name: 'pods.tick',
      schema: z.object({}),
      handler: async (_payload, ctx) => {
        ticks.push(ctx.id);
      },
    });
    const slow = defineJob({
      name: 'pods.slow-tick',
      schema: z.object({}),
      concurrency: 3,
      handler: async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(450);
        running -= 1;
        slowRuns += 1;
      },
    });
    const workers: JobQueue[] = [1, 2, 3].map(() =>
      createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger }),
    );
    try {
      for (const worker of workers) {
        worker.define(tick);
        worker.define(slow);
        worker.schedule('pods.tick', { every: 250 });
        worker.schedule('pods.slow-tick', { every: 150 });
      }
      const startedAt = Date.now();
      await Promise.all(workers.map((worker) => worker.start()));
      await waitFor(() => ticks.length >= 4 && slowRuns >= 2, { message: 'four ticks and two slow runs' });
      const elapsed = Date.now() - startedAt;

      // Three workers running every tick would triple the count; one tick, one run.
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.length).toBeLessThanOrEqual(Math.floor(elapsed / 250) + 1);
      expect(mostAtOnce).toBe(1);
      const states = await workers[2]?.schedules();
      expect(states?.find((state) => state.name === 'pods.tick')).toMatchObject({ lastResult: 'ok' });
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  it('removes the schedule of a job a new deployment no longer schedules', async () => {
    const prefix = newPrefix();
    let runs = 0;
    const job = defineJob({
      name: 'pods.unscheduled',
      schema: z.object({}),
      handler: async () => {
        runs += 1;
      },
    });
    const before = createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger });
    before.define(job);
    before.schedule('pods.unscheduled', { every: 100 });
    await before.start();
    await waitFor(() => runs >= 1, { message: 'a run of the old deployment' });
    await before.stop();

    const after = createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger });
    after.define(job);
    try {
      await after.start();
      const runsAtStart = runs;
      await sleep(350);
      expect(runs).toBe(runsAtStart);
    } finally {
      await after.stop();
    }
  });

  it('fails fast with JobQueueUnavailableError when Redis cannot be reached', async () => {
    // Port 1 on loopback refuses connections.
    const queue = createBullMqQueue({
      redisUrl: 'redis://127.0.0.1:1',
      prefix: newPrefix(),
      logger: silentJobLogger,
    });
    queue.define(defineJob({ name: 'pods.unreachable', schema: counter, handler: async () => {} }));
    try {
      await queue.start({ process: false });
      const startedAt = Date.now();
      await expect(queue.enqueue('pods.unreachable', { n: 1 })).rejects.toBeInstanceOf(
        JobQueueUnavailableError,
      );
      await expect(queue.ping()).rejects.toBeInstanceOf(JobQueueUnavailableError);
      expect(Date.now() - startedAt).toBeLessThan(1000);
    } finally {
      await queue.stop();
    }
  });
});
