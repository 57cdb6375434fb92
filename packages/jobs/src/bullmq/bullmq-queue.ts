import { newId } from '@warmpath/db';
import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { assertDelay } from '../enqueue-options.js';
import {
  JobPayloadValidationError,
  JobQueueClosedError,
  JobQueueStateError,
  JobQueueUnavailableError,
} from '../errors.js';
import { DEFAULT_RETRY_POLICY, type JobDefinition, type RetryPolicy } from '../job-definition.js';
import type {
  EnqueueOptions,
  EnqueueResult,
  JobCounts,
  JobQueue,
  StartOptions,
  StopOptions,
} from '../job-queue.js';
import { JobRegistry, type RegisteredJob } from '../job-registry.js';
import {
  ABORT_GRACE_MS,
  DEFAULT_DEDUPLICATION_WINDOW_MS,
  DEFAULT_DRAIN_TIMEOUT_MS,
  withTimeout,
} from '../lifecycle.js';
import { bindJobLogger, defaultJobLogger, describeError, type JobLogger } from '../logger.js';
import { parsePayload, toWirePayload } from '../payload.js';
import { RedisScheduleBackend } from '../schedules/redis-schedule-backend.js';
import { runScheduledTick } from '../schedules/run-scheduled-tick.js';
import {
  parseScheduleOptions,
  type ScheduleOptions,
  type ScheduleSpec,
} from '../schedules/schedule-options.js';
import type { ScheduleState } from '../schedules/schedule-state.js';
import { createRedisErrorReporter, createWorkerConnection, ProducerConnection } from './redis-connections.js';

/** Options of the BullMQ driver. */
export interface BullMqQueueOptions {
  /** `redis://` or `rediss://` URL (REDIS_URL). */
  redisUrl: string;
  /** Namespaces every Redis key, so several installations (or test runs) can share one Redis. Default `warmpath`. */
  prefix?: string;
  logger?: JobLogger;
  /** Concurrency of jobs that do not set their own (default 5). */
  defaultConcurrency?: number;
  /** Retry policy of jobs that do not set their own (default 5 attempts, 1 s backoff). */
  defaultRetry?: Partial<RetryPolicy>;
  /** How long an idempotency key deduplicates enqueues (default 24 h). */
  deduplicationWindowMs?: number;
  /** Upper bound on waiting for Redis in enqueue(), ping() and stats() (default 5 s). */
  commandTimeoutMs?: number;
}

/** Finished jobs kept for inspection and stats; older ones are evicted as new ones finish. */
const KEEP_COMPLETED = { age: 24 * 60 * 60, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 60 * 60, count: 10_000 };

/**
 * The production driver: one BullMQ queue (and, when processing, one worker) per job name, so each job has its
 * own concurrency limit, enforced across all workers through BullMQ's global concurrency.
 */
export function createBullMqQueue(options: BullMqQueueOptions): JobQueue {
  return new BullMqJobQueue(options);
}

class BullMqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly registry: JobRegistry;
  private readonly logger: JobLogger;
  private readonly prefix: string;
  private readonly deduplicationWindowMs: number;
  private readonly commandTimeoutMs: number;
  private readonly reportRedisError: (source: string, error: unknown) => void;
  private readonly producer: ProducerConnection;
  private workerConnection: Redis | undefined;
  private readonly queues = new Map<string, Promise<Queue>>();
  private readonly workers: Worker[] = [];
  private phase: 'created' | 'started' | 'stopping' | 'stopped' = 'created';
  /** Started with processing: only then does this process write BullMQ's job schedulers. */
  private processing = false;
  /** Scheduler changes after start, applied in order (see `changeSchedulers`). */
  private schedulerChanges: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  /** Declared schedules by job name; their payloads are already in wire form. */
  private readonly specs = new Map<string, ScheduleSpec>();
  private readonly scheduleBackend: RedisScheduleBackend;
  /** Aborted when stop() begins: scheduled runs still waiting out their jitter give up at once. */
  private readonly stoppingController = new AbortController();

  constructor(private readonly options: BullMqQueueOptions) {
    this.logger = options.logger ?? defaultJobLogger();
    this.prefix = options.prefix ?? 'warmpath';
    this.deduplicationWindowMs = options.deduplicationWindowMs ?? DEFAULT_DEDUPLICATION_WINDOW_MS;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 5000;
    this.registry = new JobRegistry({
      retry: { ...DEFAULT_RETRY_POLICY, ...options.defaultRetry },
      concurrency: options.defaultConcurrency ?? 5,
    });
    this.reportRedisError = createRedisErrorReporter(this.logger);
    this.producer = new ProducerConnection(options.redisUrl, (error) =>
      this.reportRedisError('producer', error),
    );
    this.scheduleBackend = new RedisScheduleBackend(async () => {
      await this.producer.ready(this.commandTimeoutMs);
      return this.producer.client;
    }, this.prefix);
  }

  schedule(name: string, options: ScheduleOptions): void {
    if (this.phase === 'stopping' || this.phase === 'stopped') throw new JobQueueClosedError();
    const { definition } = this.registry.get(name);
    const parsed = parseScheduleOptions(name, options);
    const spec = { ...parsed, payload: toWirePayload(name, definition.schema, parsed.payload) };
    this.specs.set(spec.name, spec);
    // Before start the schedules are synced by start(); after it only processing processes write schedulers.
    if (this.processing)
      void this.changeSchedulers(`schedule ${spec.name}`, () => this.upsertScheduler(spec));
  }

  async unschedule(id: string): Promise<void> {
    const spec = this.specs.get(id);
    this.specs.delete(id);
    if (!spec || !this.processing) return;
    await this.changeSchedulers(`unschedule ${id}`, async () => {
      const queue = await this.queue(spec.job);
      await this.redisCall(`unschedule ${id}`, () => queue.removeJobScheduler(id));
    });
  }

  /**
   * Applies scheduler changes made after start one at a time, in the order they were asked for (a schedule then
   * an unschedule of the same id must not cross). Upsert and remove are idempotent, so several workers applying
   * the same change converge; a failure is logged and left to the next change or start.
   */
  private changeSchedulers(what: string, change: () => Promise<void>): Promise<void> {
    const next = this.schedulerChanges.then(change).catch((error: unknown) => {
      this.logger.warn({ change: what, err: describeError(error) }, 'could not change a schedule');
    });
    this.schedulerChanges = next;
    return next;
  }

  private async upsertScheduler(spec: ScheduleSpec): Promise<void> {
    const queue = await this.queue(spec.job);
    const repeat = spec.everyMs !== undefined ? { every: spec.everyMs } : { pattern: spec.cron, tz: 'UTC' };
    await this.redisCall(`schedule ${spec.name}`, () =>
      queue.upsertJobScheduler(spec.name, repeat, {
        name: spec.job,
        data: spec.payload,
        // No retries: the next tick is the retry, and a retry could overlap it.
        opts: { attempts: 1, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
      }),
    );
  }

  async schedules(): Promise<ScheduleState[]> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
    const states: ScheduleState[] = [];
    for (const spec of this.specs.values()) {
      const queue = await this.queue(spec.job);
      const [last, scheduler] = await this.redisCall('read schedules', () =>
        Promise.all([this.scheduleBackend.lastRun(spec.name), queue.getJobScheduler(spec.name)]),
      );
      states.push({
        name: spec.name,
        ...(spec.everyMs === undefined ? {} : { everyMs: spec.everyMs }),
        ...(spec.cron === undefined ? {} : { cron: spec.cron }),
        jitterMs: spec.jitterMs,
        lastRunAt: last ? new Date(last.lastRunAt) : null,
        lastResult: last?.lastResult ?? null,
        lastError: last?.lastError || null,
        nextRunAt: scheduler?.next === undefined ? null : new Date(scheduler.next),
      });
    }
    return states;
  }

  define(job: JobDefinition<unknown>): void {
    this.registry.define(job);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
    const { definition, retry } = this.registry.get(name);
    const wire = toWirePayload(name, definition.schema, payload);
    assertDelay(options.delay);
    const jobId = newId();
    const jobOptions: JobsOptions = {
      jobId,
      delay: options.delay,
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    };
    if (options.idempotencyKey !== undefined) {
      // A TTL keeps the key after the job finishes (BullMQ's "throttle mode"), so a late duplicate of a job that
      // already ran is still recognised; without one BullMQ would forget the key on completion.
      jobOptions.deduplication = { id: options.idempotencyKey, ttl: this.deduplicationWindowMs };
    }
    const queue = await this.queue(name);
    const job = await this.redisCall(`enqueue ${name}`, () => queue.add(name, wire, jobOptions));
    // When deduplicated, BullMQ answers with the id of the job that holds the key.
    return { id: job.id ?? jobId, deduplicated: job.id !== undefined && job.id !== jobId };
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.phase !== 'created') throw new JobQueueStateError('start() can only be called once');
    this.registry.seal();
    this.phase = 'started';
    if (options.process === false) return;
    this.processing = true;
    this.workerConnection = createWorkerConnection(this.options.redisUrl, (error) =>
      this.reportRedisError('worker', error),
    );
    for (const registered of this.registry.all()) {
      this.workers.push(this.createWorker(registered, this.workerConnection));
      await this.applyGlobalConcurrency(registered);
    }
    await this.syncSchedulers();
  }

  /**
   * Makes BullMQ's job schedulers match the declared schedules: upserts each one (every worker does; the
   * scheduler id is the schedule's id, so they converge on one scheduler) and removes schedulers of defined jobs
   * that are no longer scheduled. Without Redis at boot the schedules wait for the next start, as concurrency does.
   */
  private async syncSchedulers(): Promise<void> {
    for (const registered of this.registry.all()) {
      const name = registered.definition.name;
      const specs = [...this.specs.values()].filter((spec) => spec.job === name);
      try {
        for (const spec of specs) await this.upsertScheduler(spec);
        const queue = await this.queue(name);
        await this.redisCall(`schedule ${name}`, async () => {
          const wanted = new Set(specs.map((spec) => spec.name));
          for (const stale of await queue.getJobSchedulers()) {
            const id = stale.id ?? stale.key;
            if (!wanted.has(id)) await queue.removeJobScheduler(id);
          }
        });
      } catch (error) {
        this.logger.warn({ job: name, err: describeError(error) }, 'could not set up the schedule of a job');
      }
    }
  }

  stop(options: StopOptions = {}): Promise<void> {
    this.stopping ??= this.shutDown(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
    return this.stopping;
  }

  async ping(): Promise<void> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
    await this.producer.ready(this.commandTimeoutMs);
    await this.redisCall('ping', () => this.producer.client.ping());
  }

  async stats(): Promise<Record<string, JobCounts>> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
    const stats: Record<string, JobCounts> = {};
    for (const { definition } of this.registry.all()) {
      const queue = await this.queue(definition.name);
      const counts = await this.redisCall('stats', () =>
        queue.getJobCounts(
          'wait',
          'prioritized',
          'waiting-children',
          'active',
          'delayed',
          'failed',
          'completed',
        ),
      );
      const count = (type: string) => counts[type] ?? 0;
      stats[definition.name] = {
        waiting: count('wait') + count('prioritized') + count('waiting-children'),
        active: count('active'),
        delayed: count('delayed'),
        failed: count('failed'),
        completed: count('completed'),
      };
    }
    return stats;
  }

  /** The producer-side BullMQ queue of a job, created once Redis is reachable (see ProducerConnection). */
  private async queue(name: string): Promise<Queue> {
    await this.producer.ready(this.commandTimeoutMs);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.openQueue(name);
      this.queues.set(name, queue);
      // A queue whose setup failed (Redis dropped mid-way) is useless; the next call builds a fresh one.
      queue.catch(() => this.queues.delete(name));
    }
    return queue;
  }

  private async openQueue(name: string): Promise<Queue> {
    const queue = new Queue(name, { connection: this.producer.client, prefix: this.prefix });
    queue.on('error', (error) => this.reportRedisError(`queue ${name}`, error));
    try {
      await this.redisCall(`open queue ${name}`, () => queue.waitUntilReady());
      return queue;
    } catch (error) {
      await queue.close().catch(() => {});
      throw error;
    }
  }

  /** Runs a Redis call with the command timeout, turning connection trouble into `JobQueueUnavailableError`. */
  private async redisCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(
        call(),
        this.commandTimeoutMs,
        () => new JobQueueUnavailableError(`Redis did not answer ${what} within ${this.commandTimeoutMs} ms`),
      );
    } catch (error) {
      if (error instanceof JobQueueUnavailableError) throw error;
      throw new JobQueueUnavailableError(`Redis failed during ${what}: ${describeError(error).message}`, {
        cause: error,
      });
    }
  }

  private createWorker(registered: RegisteredJob, connection: Redis): Worker {
    const { definition } = registered;
    // Three declared parameters: BullMQ only passes the AbortSignal to processors whose arity asks for it.
    const processor = async (job: Job, _token: string | undefined, signal: AbortSignal | undefined) => {
      await this.process(registered, job, signal ?? new AbortController().signal);
    };
    const worker = new Worker(definition.name, processor, {
      connection,
      prefix: this.prefix,
      concurrency: registered.concurrency,
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    });
    worker.on('error', (error) => this.reportRedisError(`worker ${definition.name}`, error));
    return worker;
  }

  private async process(registered: RegisteredJob, job: Job, signal: AbortSignal): Promise<void> {
    const { definition } = registered;
    const id = job.id as string;
    const attempt = job.attemptsMade + 1;
    const logger = bindJobLogger(this.logger, { job: definition.name, jobId: id, attempt });
    let payload: unknown;
    try {
      payload = parsePayload(definition.name, definition.schema, job.data);
    } catch (error) {
      // A stored payload the current schema rejects will not get better by retrying.
      logger.error({ err: describeError(error), attempts: attempt }, 'job failed');
      throw new UnrecoverableError(
        error instanceof JobPayloadValidationError ? error.message : String(error),
      );
    }
    if (job.repeatJobKey !== undefined) {
      // The scheduler id is the schedule's id; a schedule this process does not know runs without jitter.
      const scheduleId = job.repeatJobKey;
      const spec = this.specs.get(scheduleId) ?? {
        name: scheduleId,
        job: definition.name,
        payload,
        jitterMs: 0,
      };
      const tick = await runScheduledTick({
        spec,
        backend: this.scheduleBackend,
        logger,
        signal,
        stopping: this.stoppingController.signal,
        run: () => definition.handler(payload, { id, attempt, logger, signal }),
      });
      // Thrown so BullMQ counts the run as failed; attempts is 1, so it is not retried.
      if (tick.outcome === 'error') throw tick.error;
      return;
    }
    try {
      await definition.handler(payload, { id, attempt, logger, signal });
    } catch (error) {
      const attempts = job.opts.attempts ?? 1;
      if (attempt < attempts) {
        logger.warn({ err: describeError(error) }, 'job attempt failed; will retry');
      } else {
        logger.error({ err: describeError(error), attempts: attempt }, 'job failed');
      }
      throw error;
    }
  }

  /** Makes `concurrency` a cluster-wide limit; without Redis at boot it stays per worker until the next start. */
  private async applyGlobalConcurrency(registered: RegisteredJob): Promise<void> {
    try {
      const queue = await this.queue(registered.definition.name);
      await this.redisCall('set concurrency', () => queue.setGlobalConcurrency(registered.concurrency));
    } catch (error) {
      this.logger.warn(
        { job: registered.definition.name, err: describeError(error) },
        'could not set the global concurrency of a job; the limit applies per worker',
      );
    }
  }

  private async shutDown(drainTimeoutMs: number): Promise<void> {
    this.phase = 'stopping';
    this.stoppingController.abort();
    // close() stops fetching at once and resolves when the running jobs have finished.
    const closing = Promise.allSettled(this.workers.map((worker) => worker.close()));
    let closed = await settlesWithin(closing, drainTimeoutMs);
    if (!closed) {
      this.logger.warn({ drainTimeoutMs }, 'jobs still running at stop; aborting them');
      for (const worker of this.workers) worker.cancelAllJobs('job queue stopping');
      closed = await settlesWithin(closing, ABORT_GRACE_MS);
    }
    if (!closed) {
      // Handlers ignoring the abort are left behind; their jobs' locks expire and another worker reruns them.
      await Promise.allSettled(this.workers.map((worker) => worker.disconnect()));
    }
    // Producers close last: handlers finishing during the drain may still enqueue follow-up jobs.
    const queues = await Promise.allSettled(this.queues.values());
    await Promise.allSettled(
      queues.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
    );
    await this.producer.close();
    this.workerConnection?.disconnect();
    this.phase = 'stopped';
  }
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const settled = promise.then(() => true as const);
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
