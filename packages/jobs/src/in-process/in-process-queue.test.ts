import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JobQueueStateError } from '../errors.js';
import { defineJob } from '../job-definition.js';
import { silentJobLogger } from '../logger.js';
import { describeJobQueueContract } from '../testing/job-queue-contract.js';
import { sleep } from '../testing/wait-for.js';
import { createInProcessQueue } from './in-process-queue.js';

describeJobQueueContract('in-process', () => createInProcessQueue({ logger: silentJobLogger }));

describe('in-process drain()', () => {
  const counter = z.object({ n: z.number() });

  it('resolves once every due job, including follow-ups they enqueue, has run', async () => {
    const queue = createInProcessQueue({ logger: silentJobLogger });
    const runs: string[] = [];
    queue.define(
      defineJob({
        name: 'drain.parent',
        schema: counter,
        handler: async ({ n }) => {
          runs.push(`parent ${n}`);
          await queue.enqueue('drain.child', { n });
        },
      }),
    );
    queue.define(
      defineJob({
        name: 'drain.child',
        schema: counter,
        handler: async ({ n }) => {
          runs.push(`child ${n}`);
        },
      }),
    );
    await queue.start();
    await queue.enqueue('drain.parent', { n: 1 });
    await queue.enqueue('drain.parent', { n: 2 });
    await queue.drain();
    expect(runs.sort()).toEqual(['child 1', 'child 2', 'parent 1', 'parent 2']);
    await queue.stop();
  });

  it('does not wait for jobs delayed into the future', async () => {
    const queue = createInProcessQueue({ logger: silentJobLogger });
    queue.define(defineJob({ name: 'drain.later', schema: counter, handler: async () => {} }));
    await queue.start();
    await queue.enqueue('drain.later', { n: 1 }, { delay: 60_000 });
    await queue.drain();
    expect((await queue.stats())['drain.later']).toMatchObject({ delayed: 1, completed: 0 });
    await queue.stop();
  });

  it('refuses to wait for jobs that cannot run because processing is off', async () => {
    const queue = createInProcessQueue({ logger: silentJobLogger });
    queue.define(defineJob({ name: 'drain.idle', schema: counter, handler: async () => {} }));
    await queue.enqueue('drain.idle', { n: 1 });
    await expect(queue.drain()).rejects.toBeInstanceOf(JobQueueStateError);
    await queue.stop();
  });
});

describe('in-process schedules', () => {
  it('stop() does not wait for a scheduled run still waiting out its jitter', async () => {
    const queue = createInProcessQueue({ logger: silentJobLogger });
    let runs = 0;
    queue.define(
      defineJob({
        name: 'schedule.jittered',
        schema: z.object({}),
        handler: async () => {
          runs += 1;
        },
      }),
    );
    queue.schedule('schedule.jittered', { every: 300, jitterMs: 299 });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    try {
      await queue.start();
      // The first tick is at 300 ms; its run waits until about 596 ms.
      await sleep(400);
      const stopping = Date.now();
      await queue.stop({ drainTimeoutMs: 2000 });
      expect(Date.now() - stopping).toBeLessThan(100);
      expect(runs).toBe(0);
    } finally {
      random.mockRestore();
    }
  });
});
