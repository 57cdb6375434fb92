import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  JobDefinitionError,
  JobPayloadValidationError,
  JobQueueClosedError,
  UnknownJobError,
} from '../errors.js';
import { defineJob, type JobContext } from '../job-definition.js';
import type { JobQueue } from '../job-queue.js';
import { sleep, waitFor } from './wait-for.js';

/** Builds a fresh, unstarted queue; each call must return one isolated from the others (own prefix, own memory). */
export type JobQueueFactory = () => JobQueue | Promise<JobQueue>;

/** Timers may fire a millisecond early relative to Date.now() (rounding); delays are asserted with this slack. */
const TIMER_SLACK_MS = 2;

const counter = z.object({ n: z.number().int() });

/**
 * The behaviour every JobQueue driver must share (docs/architecture.md "The outbox flow"): validation,
 * retries with exponential backoff, idempotency keys, delays, per-job concurrency, graceful stop and
 * enqueue-before-processing. Run it once per driver; stops every queue the factory built after each test.
 */
export function describeJobQueueContract(name: string, factory: JobQueueFactory): void {
  describe(`JobQueue contract: ${name}`, () => {
    const queues: JobQueue[] = [];
    const newQueue = async () => {
      const queue = await factory();
      queues.push(queue);
      return queue;
    };
    afterEach(async () => {
      vi.restoreAllMocks();
      await Promise.all(queues.splice(0).map((queue) => queue.stop({ drainTimeoutMs: 500 })));
    });

    const stats = async (queue: JobQueue, job: string) => {
      const all = await queue.stats();
      return all[job] ?? { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    };

    it('rejects a payload that does not match the schema, and an unknown job, with typed errors', async () => {
      const queue = await newQueue();
      const payloads: unknown[] = [];
      queue.define(
        defineJob({
          name: 'contract.validate',
          schema: z.object({ email: z.email(), count: z.number().int() }),
          handler: async (payload) => {
            payloads.push(payload);
          },
        }),
      );
      await queue.start();

      const invalid = await queue
        .enqueue('contract.validate', { email: 'nope', count: 1.5 })
        .catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(JobPayloadValidationError);
      expect((invalid as JobPayloadValidationError).issues.map((issue) => issue.path)).toEqual([
        ['email'],
        ['count'],
      ]);
      await expect(queue.enqueue('contract.unknown', {})).rejects.toBeInstanceOf(UnknownJobError);

      await queue.enqueue('contract.validate', { email: 'ada@example.com', count: 2 });
      await waitFor(() => payloads.length === 1, { message: 'the valid job to run' });
      await sleep(30);
      expect(payloads).toEqual([{ email: 'ada@example.com', count: 2 }]);
    });

    it('hands the handler its parsed payload, the job id and the attempt number', async () => {
      const queue = await newQueue();
      const seen: { payload: unknown; ctx: JobContext }[] = [];
      queue.define(
        defineJob({
          name: 'contract.context',
          schema: z.object({ name: z.string(), greeting: z.string().default('hello') }),
          handler: async (payload, ctx) => {
            seen.push({ payload, ctx });
          },
        }),
      );
      await queue.start();
      const { id, deduplicated } = await queue.enqueue('contract.context', { name: 'Ada' });

      expect(deduplicated).toBe(false);
      await waitFor(async () => (await stats(queue, 'contract.context')).completed === 1, {
        message: 'completion',
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.payload).toEqual({ name: 'Ada', greeting: 'hello' });
      expect(seen[0]?.ctx).toMatchObject({ id, attempt: 1 });
      expect(seen[0]?.ctx.signal.aborted).toBe(false);
    });

    it('retries a failing job with exponential backoff, then records the failure', async () => {
      const queue = await newQueue();
      const attempts: { attempt: number; at: number }[] = [];
      queue.define(
        defineJob({
          name: 'contract.failing',
          schema: counter,
          retry: { attempts: 3, backoffMs: 40 },
          handler: async (_payload, ctx) => {
            attempts.push({ attempt: ctx.attempt, at: Date.now() });
            throw new Error(`provider down (attempt ${ctx.attempt})`);
          },
        }),
      );
      await queue.start();
      await queue.enqueue('contract.failing', { n: 1 });

      await waitFor(async () => (await stats(queue, 'contract.failing')).failed === 1, {
        message: 'the failure',
      });
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const [first, second, third] = attempts.map((a) => a.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(40 - TIMER_SLACK_MS);
      expect(third - second).toBeGreaterThanOrEqual(80 - TIMER_SLACK_MS);
      await sleep(100);
      expect(attempts).toHaveLength(3);
      expect(await stats(queue, 'contract.failing')).toMatchObject({
        failed: 1,
        completed: 0,
        delayed: 0,
        waiting: 0,
      });
    });

    it('completes a job whose retry succeeds, without recording a failure', async () => {
      const queue = await newQueue();
      const attempts: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.flaky',
          schema: counter,
          retry: { attempts: 3, backoffMs: 5 },
          handler: async (_payload, ctx) => {
            attempts.push(ctx.attempt);
            if (ctx.attempt === 1) throw new Error('transient');
          },
        }),
      );
      await queue.start();
      await queue.enqueue('contract.flaky', { n: 1 });

      await waitFor(async () => (await stats(queue, 'contract.flaky')).completed === 1, {
        message: 'completion',
      });
      expect(attempts).toEqual([1, 2]);
      expect((await stats(queue, 'contract.flaky')).failed).toBe(0);
    });

    it('runs a job once however often it is enqueued with the same idempotency key', async () => {
      const queue = await newQueue();
      const runs: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.dedup',
          schema: counter,
          handler: async ({ n }) => {
            runs.push(n);
          },
        }),
      );
      await queue.start();

      const first = await queue.enqueue('contract.dedup', { n: 1 }, { idempotencyKey: 'referral-7' });
      const second = await queue.enqueue('contract.dedup', { n: 2 }, { idempotencyKey: 'referral-7' });
      expect(first.deduplicated).toBe(false);
      expect(second).toEqual({ id: first.id, deduplicated: true });

      await waitFor(async () => (await stats(queue, 'contract.dedup')).completed === 1, {
        message: 'completion',
      });
      // A late duplicate (an outbox row re-dispatched after the job ran) is still recognised.
      const late = await queue.enqueue('contract.dedup', { n: 3 }, { idempotencyKey: 'referral-7' });
      expect(late).toEqual({ id: first.id, deduplicated: true });
      const other = await queue.enqueue('contract.dedup', { n: 4 }, { idempotencyKey: 'referral-8' });
      expect(other.deduplicated).toBe(false);
      expect(other.id).not.toBe(first.id);

      await waitFor(() => runs.length === 2, { message: 'the second key to run' });
      await sleep(50);
      expect(runs.sort()).toEqual([1, 4]);
    });

    it('does not run a delayed job before its delay', async () => {
      const queue = await newQueue();
      const runs: { n: number; at: number }[] = [];
      queue.define(
        defineJob({
          name: 'contract.delayed',
          schema: counter,
          handler: async ({ n }) => {
            runs.push({ n, at: Date.now() });
          },
        }),
      );
      await queue.start();
      const enqueuedAt = Date.now();
      await queue.enqueue('contract.delayed', { n: 1 }, { delay: 150 });
      expect((await stats(queue, 'contract.delayed')).delayed).toBe(1);
      await queue.enqueue('contract.delayed', { n: 2 });

      await waitFor(() => runs.length === 2, { message: 'both jobs to run' });
      expect(runs.map((run) => run.n)).toEqual([2, 1]);
      expect((runs[1]?.at ?? 0) - enqueuedAt).toBeGreaterThanOrEqual(150 - TIMER_SLACK_MS);
    });

    it('never runs more jobs of one kind at once than its concurrency', async () => {
      const queue = await newQueue();
      let running = 0;
      let mostAtOnce = 0;
      let done = 0;
      queue.define(
        defineJob({
          name: 'contract.limited',
          schema: counter,
          concurrency: 2,
          handler: async () => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            await sleep(40);
            running -= 1;
            done += 1;
          },
        }),
      );
      await queue.start();
      for (let n = 0; n < 6; n += 1) await queue.enqueue('contract.limited', { n });

      await waitFor(() => done === 6, { message: 'all six jobs' });
      expect(mostAtOnce).toBe(2);
    });

    it('stop() waits for running jobs, starts no new ones, and then refuses enqueues', async () => {
      const queue = await newQueue();
      const started: number[] = [];
      const finished: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.slow',
          schema: counter,
          concurrency: 1,
          handler: async ({ n }) => {
            started.push(n);
            await sleep(150);
            finished.push(n);
          },
        }),
      );
      await queue.start();
      await queue.enqueue('contract.slow', { n: 1 });
      await queue.enqueue('contract.slow', { n: 2 });
      await waitFor(() => started.length === 1, { message: 'the first job to start' });

      await queue.stop();
      expect(finished).toEqual([1]);
      await sleep(50);
      expect(started).toEqual([1]);
      await expect(queue.enqueue('contract.slow', { n: 3 })).rejects.toBeInstanceOf(JobQueueClosedError);
      await expect(queue.ping()).rejects.toBeInstanceOf(JobQueueClosedError);
    });

    it('stop() aborts ctx.signal of jobs still running when the drain timeout runs out', async () => {
      const queue = await newQueue();
      let started = false;
      let sawAbort = false;
      queue.define(
        defineJob({
          name: 'contract.stuck',
          schema: counter,
          retry: { attempts: 1 },
          handler: async (_payload, ctx) => {
            started = true;
            await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
            sawAbort = true;
            throw new Error('aborted');
          },
        }),
      );
      await queue.start();
      await queue.enqueue('contract.stuck', { n: 1 });
      await waitFor(() => started, { message: 'the job to start' });

      const stopping = Date.now();
      await queue.stop({ drainTimeoutMs: 50 });
      expect(sawAbort).toBe(true);
      expect(Date.now() - stopping).toBeLessThan(1000);
    });

    it('runs jobs enqueued before processing started once it starts', async () => {
      const queue = await newQueue();
      const runs: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.early',
          schema: counter,
          handler: async ({ n }) => {
            runs.push(n);
          },
        }),
      );
      await queue.enqueue('contract.early', { n: 1 });
      await queue.enqueue('contract.early', { n: 2 }, { delay: 20 });
      await sleep(60);
      expect(runs).toEqual([]);

      await queue.start();
      await waitFor(() => runs.length === 2, { message: 'both early jobs' });
      await sleep(50);
      expect(runs.sort()).toEqual([1, 2]);
    });

    it('start({ process: false }) enqueues without running anything', async () => {
      const queue = await newQueue();
      const runs: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.api-only',
          schema: counter,
          handler: async ({ n }) => {
            runs.push(n);
          },
        }),
      );
      await queue.start({ process: false });
      await queue.enqueue('contract.api-only', { n: 1 });
      await sleep(100);
      expect(runs).toEqual([]);
      expect(await stats(queue, 'contract.api-only')).toMatchObject({ waiting: 1, active: 0 });
    });

    it('rejects duplicate job names, invalid names and definitions after start()', async () => {
      const queue = await newQueue();
      const job = defineJob({ name: 'contract.defined', schema: counter, handler: async () => {} });
      queue.define(job);
      expect(() => queue.define(job)).toThrow(JobDefinitionError);
      expect(() => queue.define({ ...job, name: 'Not A Name' })).toThrow(JobDefinitionError);
      await queue.start();
      expect(() => queue.define({ ...job, name: 'contract.late' })).toThrow(JobDefinitionError);
    });

    it('answers ping() and reports stats for every defined job', async () => {
      const queue = await newQueue();
      queue.define(defineJob({ name: 'contract.stats-a', schema: counter, handler: async () => {} }));
      queue.define(defineJob({ name: 'contract.stats-b', schema: counter, handler: async () => {} }));
      await queue.start();
      await queue.ping();
      await queue.enqueue('contract.stats-a', { n: 1 });
      await waitFor(async () => (await stats(queue, 'contract.stats-a')).completed === 1, {
        message: 'completion',
      });
      expect(await queue.stats()).toEqual({
        'contract.stats-a': { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 },
        'contract.stats-b': { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
      });
    });
    it('runs a scheduled job on every tick with its payload and reports the schedule’s state', async () => {
      const queue = await newQueue();
      const runs: { n: number; at: number }[] = [];
      queue.define(
        defineJob({
          name: 'contract.scheduled',
          schema: counter,
          handler: async ({ n }) => {
            runs.push({ n, at: Date.now() });
          },
        }),
      );
      queue.schedule('contract.scheduled', { every: 150, payload: { n: 7 } });
      const startedAt = Date.now();
      await queue.start();
      await waitFor(() => runs.length >= 3, { message: 'three scheduled runs' });
      const elapsed = Date.now() - startedAt;

      expect(runs.every((run) => run.n === 7)).toBe(true);
      // Once per tick: three runs take at least two intervals, and no tick ran twice.
      expect(elapsed).toBeGreaterThanOrEqual(2 * 150 - TIMER_SLACK_MS);
      expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / 150) + 1);
      await waitFor(async () => (await queue.schedules())[0]?.lastResult === 'ok', { message: 'state' });
      const [state] = await queue.schedules();
      expect(state).toMatchObject({ name: 'contract.scheduled', everyMs: 150, lastError: null });
      expect(state?.lastRunAt?.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(state?.nextRunAt?.getTime()).toBeGreaterThan(state?.lastRunAt?.getTime() ?? 0);
    });

    it('delays each scheduled run by its jitter after the tick', async () => {
      const queue = await newQueue();
      const runs: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.jittered',
          schema: z.object({}),
          handler: async () => {
            runs.push(Date.now());
          },
        }),
      );
      queue.schedule('contract.jittered', { every: 200, jitterMs: 150 });
      // No jitter on the first run, nearly all of it on the next: their gap is the interval plus that jitter.
      let draws = 0;
      vi.spyOn(Math, 'random').mockImplementation(() => (draws++ === 0 ? 0 : 0.99));
      await queue.start();
      await waitFor(() => runs.length >= 2, { message: 'two jittered runs' });
      const [first, second] = runs as [number, number];
      expect(second - first).toBeGreaterThanOrEqual(200 + 148 - 20);
    });

    it('skips a tick that arrives while the previous run of the same schedule is still running', async () => {
      const queue = await newQueue();
      let running = 0;
      let mostAtOnce = 0;
      let finished = 0;
      queue.define(
        defineJob({
          name: 'contract.slow-schedule',
          schema: z.object({}),
          concurrency: 5,
          handler: async () => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            await sleep(350);
            running -= 1;
            finished += 1;
          },
        }),
      );
      queue.schedule('contract.slow-schedule', { every: '100ms' });
      await queue.start();
      await waitFor(() => finished >= 2, { message: 'two slow runs', timeoutMs: 3000 });
      expect(mostAtOnce).toBe(1);
    });

    it('records a failed scheduled run’s error and runs again at the next tick', async () => {
      const queue = await newQueue();
      let attempts = 0;
      queue.define(
        defineJob({
          name: 'contract.failing-schedule',
          schema: z.object({}),
          retry: { attempts: 3, backoffMs: 10 },
          handler: async () => {
            attempts += 1;
            if (attempts === 1) throw new Error('provider down');
          },
        }),
      );
      queue.schedule('contract.failing-schedule', { every: 200 });
      await queue.start();
      await waitFor(async () => (await queue.schedules())[0]?.lastResult === 'error', {
        message: 'the failure to be recorded',
      });
      expect((await queue.schedules())[0]?.lastError).toBe('provider down');
      // Not retried like an enqueued job: the next run is the next tick's.
      expect(attempts).toBe(1);
      await waitFor(async () => (await queue.schedules())[0]?.lastResult === 'ok', {
        message: 'the next tick to succeed',
      });
      expect(attempts).toBe(2);
      expect((await queue.schedules())[0]?.lastError).toBeNull();
    });

    it('rejects bad schedules: unknown job, invalid payload, both or neither of every/cron', async () => {
      const queue = await newQueue();
      queue.define(defineJob({ name: 'contract.schedulable', schema: counter, handler: async () => {} }));
      const payload = { n: 1 };
      expect(() => queue.schedule('contract.nope', { every: 1000, payload })).toThrow(UnknownJobError);
      expect(() => queue.schedule('contract.schedulable', { every: 1000, payload: { n: 'x' } })).toThrow(
        JobPayloadValidationError,
      );
      expect(() =>
        queue.schedule('contract.schedulable', { every: 1000, cron: '* * * * *', payload }),
      ).toThrow(JobDefinitionError);
      expect(() => queue.schedule('contract.schedulable', { payload })).toThrow(JobDefinitionError);
      expect(() => queue.schedule('contract.schedulable', { cron: 'not cron', payload })).toThrow(
        JobDefinitionError,
      );
      expect(() => queue.schedule('contract.schedulable', { every: '5 minutes', payload })).toThrow(
        JobDefinitionError,
      );
      expect(() => queue.schedule('contract.schedulable', { every: '0s', payload })).toThrow(
        JobDefinitionError,
      );
      expect(() => queue.schedule('contract.schedulable', { every: '1s', jitterMs: 1000, payload })).toThrow(
        JobDefinitionError,
      );
      queue.schedule('contract.schedulable', { cron: '0 3 * * *', jitterMs: 60_000, payload });
      await queue.start();
      expect(() => queue.schedule('contract.schedulable', { every: '5m', payload: { n: 'x' } })).toThrow(
        JobPayloadValidationError,
      );
    });

    it('schedules one job under several ids after start(), and unschedule() stops one of them', async () => {
      const queue = await newQueue();
      const runs: number[] = [];
      queue.define(
        defineJob({
          name: 'contract.late-schedule',
          schema: counter,
          handler: async ({ n }) => {
            runs.push(n);
          },
        }),
      );
      await queue.start();
      queue.schedule('contract.late-schedule', { id: 'contract.late-a', every: 150, payload: { n: 1 } });
      queue.schedule('contract.late-schedule', { id: 'contract.late-b', every: 150, payload: { n: 2 } });
      await waitFor(() => runs.includes(1) && runs.includes(2), { message: 'both late schedules to run' });
      expect((await queue.schedules()).map((state) => state.name).sort()).toEqual([
        'contract.late-a',
        'contract.late-b',
      ]);
      await queue.unschedule('contract.late-b');
      expect((await queue.schedules()).map((state) => state.name)).toEqual(['contract.late-a']);
      // A run of b already queued may still finish; after a short settle, only a keeps ticking.
      await sleep(200);
      const settled = runs.length;
      await waitFor(() => runs.length >= settled + 2, { message: 'a to keep ticking' });
      expect(runs.slice(settled).every((n) => n === 1)).toBe(true);
    });

    it('start({ process: false }) lists schedules but runs none', async () => {
      const queue = await newQueue();
      let runs = 0;
      queue.define(
        defineJob({
          name: 'contract.api-schedule',
          schema: z.object({}),
          handler: async () => {
            runs += 1;
          },
        }),
      );
      queue.schedule('contract.api-schedule', { cron: '*/5 * * * *' });
      await queue.start({ process: false });
      await sleep(100);
      expect(runs).toBe(0);
      expect(await queue.schedules()).toEqual([
        expect.objectContaining({ name: 'contract.api-schedule', cron: '*/5 * * * *', lastRunAt: null }),
      ]);
    });
  });
}
