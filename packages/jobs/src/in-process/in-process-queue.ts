import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { newId } from '@warmpath/db';
import { assertDelay } from '../enqueue-options.js';
import {
  JobPayloadValidationError,
  JobQueueClosedError,
  JobQueueStateError,
  UnknownJobError,
} from '../errors.js';
import {
  DEFAULT_RETRY_POLICY,
  type JobDefinition,
  type RetryPolicy,
  retryDelayMs,
} from '../job-definition.js';
import type {
  EnqueueOptions,
  EnqueueResult,
  JobCompletedListener,
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
  StateChanges,
} from '../lifecycle.js';
import { bindJobLogger, defaultJobLogger, describeError, type JobLogger } from '../logger.js';
import { parsePayload, toWirePayload } from '../payload.js';
import { InProcessScheduler } from '../schedules/in-process-scheduler.js';
import {
  parseScheduleOptions,
  type ScheduleOptions,
  type ScheduleSpec,
} from '../schedules/schedule-options.js';
import type { ScheduleState } from '../schedules/schedule-state.js';

/** Options of the in-process driver. */
export interface InProcessQueueOptions {
  logger?: JobLogger;
  /** Concurrency of jobs that do not set their own (default 5). */
  defaultConcurrency?: number;
  /** Retry policy of jobs that do not set their own (default 5 attempts, 1 s backoff). */
  defaultRetry?: Partial<RetryPolicy>;
  /** How long an idempotency key deduplicates enqueues (default 24 h). */
  deduplicationWindowMs?: number;
}

/** The in-process driver plus `drain()`, which tests use to wait for side effects. */
export interface InProcessJobQueue extends JobQueue {
  /**
   * Resolves when no job is waiting, running, or delayed with a due time already passed. Retries and delayed
   * jobs due later do not hold it up. Rejects with `JobQueueStateError` if jobs wait while processing is off.
   */
  drain(): Promise<void>;
}

interface PendingJob {
  id: string;
  wire: unknown;
  attemptsMade: number;
  idempotencyKey: string | undefined;
}

/** One job name's jobs, in the states BullMQ would report. */
interface Lane {
  registered: RegisteredJob;
  waiting: PendingJob[];
  delayed: Map<string, { job: PendingJob; runAt: number; timer: NodeJS.Timeout }>;
  active: Map<string, AbortController>;
  completed: number;
  failed: number;
  /** idempotency key → first job id; insertion order is expiry order, so pruning stops at the first live entry. */
  deduplication: Map<string, { id: string; expiresAt: number; completed: boolean }>;
}

/**
 * The embedded-mode driver: jobs live in memory and run in this process (docs/architecture.md "Modes"), with
 * the same semantics as the BullMQ driver except durability: jobs not run when the process exits (a crash, or
 * waiting and delayed jobs at `stop()`) are gone from the queue. Side effects still survive: the outbox
 * dispatcher marks a row done only when this queue reports its job completed (`onJobCompleted`), so the next
 * process runs it again. Directly enqueued jobs have no such safety net; `stop()` logs how many it drops.
 */
export function createInProcessQueue(options: InProcessQueueOptions = {}): InProcessJobQueue {
  return new InProcessQueue(options);
}

class InProcessQueue implements InProcessJobQueue {
  readonly driver = 'in-process' as const;
  private readonly registry: JobRegistry;
  private readonly logger: JobLogger;
  private readonly deduplicationWindowMs: number;
  private readonly lanes = new Map<string, Lane>();
  private readonly changes = new StateChanges();
  private phase: 'created' | 'started' | 'stopping' | 'stopped' = 'created';
  private processing = false;
  private stopping: Promise<void> | undefined;
  private readonly completedListeners: JobCompletedListener[] = [];
  private readonly scheduler: InProcessScheduler;

  constructor(options: InProcessQueueOptions) {
    this.logger = options.logger ?? defaultJobLogger();
    this.scheduler = new InProcessScheduler(
      (spec, signal) => this.runScheduled(spec, signal),
      this.logger,
      () => this.changes.notify(),
    );
    this.deduplicationWindowMs = options.deduplicationWindowMs ?? DEFAULT_DEDUPLICATION_WINDOW_MS;
    this.registry = new JobRegistry({
      retry: { ...DEFAULT_RETRY_POLICY, ...options.defaultRetry },
      concurrency: options.defaultConcurrency ?? 5,
    });
  }

  define(job: JobDefinition<unknown>): void {
    const registered = this.registry.define(job);
    this.lanes.set(job.name, {
      registered,
      waiting: [],
      delayed: new Map(),
      active: new Map(),
      completed: 0,
      failed: 0,
      deduplication: new Map(),
    });
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
    const lane = this.lane(name);
    const wire = toWirePayload(name, lane.registered.definition.schema, payload);
    assertDelay(options.delay);
    const key = options.idempotencyKey;
    if (key !== undefined) {
      this.pruneDeduplication(lane);
      const existing = lane.deduplication.get(key);
      if (existing) {
        // Whoever enqueues a finished job again (the outbox after a restart of its lease) learns it is done.
        if (existing.completed) setImmediate(() => this.notifyCompleted(name, key));
        return { id: existing.id, deduplicated: true };
      }
    }
    const job: PendingJob = { id: newId(), wire, attemptsMade: 0, idempotencyKey: key };
    if (key !== undefined) {
      lane.deduplication.set(key, {
        id: job.id,
        expiresAt: Date.now() + this.deduplicationWindowMs,
        completed: false,
      });
    }
    this.placeJob(lane, job, options.delay ?? 0);
    return { id: job.id, deduplicated: false };
  }

  schedule(name: string, options: ScheduleOptions): void {
    if (this.phase === 'stopping' || this.phase === 'stopped') throw new JobQueueClosedError();
    const lane = this.lane(name);
    const spec = parseScheduleOptions(name, options);
    const wire = toWirePayload(name, lane.registered.definition.schema, spec.payload);
    this.scheduler.add({ ...spec, payload: wire });
  }

  async unschedule(id: string): Promise<void> {
    this.scheduler.remove(id);
  }

  async schedules(): Promise<ScheduleState[]> {
    return this.scheduler.states();
  }

  /** One scheduled run: the job's handler, outside the lane (the scheduler keeps runs of a schedule apart). */
  private async runScheduled(spec: ScheduleSpec, signal: AbortSignal): Promise<void> {
    const lane = this.lane(spec.job);
    const { definition } = lane.registered;
    const id = newId();
    const logger = bindJobLogger(this.logger, { job: definition.name, jobId: id, attempt: 1 });
    try {
      const payload = parsePayload(definition.name, definition.schema, spec.payload);
      await definition.handler(payload, { id, attempt: 1, logger, signal });
      lane.completed += 1;
    } catch (error) {
      lane.failed += 1;
      throw error;
    }
  }

  onJobCompleted(listener: JobCompletedListener): void {
    this.completedListeners.push(listener);
  }

  private notifyCompleted(name: string, idempotencyKey: string): void {
    for (const listener of this.completedListeners) {
      try {
        listener({ name, idempotencyKey });
      } catch (error) {
        this.logger.error({ job: name, err: describeError(error) }, 'job completion listener failed');
      }
    }
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.phase !== 'created') throw new JobQueueStateError('start() can only be called once');
    this.registry.seal();
    this.phase = 'started';
    this.processing = options.process ?? true;
    for (const lane of this.lanes.values()) this.pump(lane);
    if (this.processing) this.scheduler.start();
  }

  stop(options: StopOptions = {}): Promise<void> {
    this.stopping ??= this.shutDown(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
    return this.stopping;
  }

  async ping(): Promise<void> {
    if (this.phase === 'stopped') throw new JobQueueClosedError();
  }

  async stats(): Promise<Record<string, JobCounts>> {
    const stats: Record<string, JobCounts> = {};
    for (const [name, lane] of this.lanes) {
      stats[name] = {
        waiting: lane.waiting.length,
        active: lane.active.size,
        delayed: lane.delayed.size,
        failed: lane.failed,
        completed: lane.completed,
      };
    }
    return stats;
  }

  async drain(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const lanes = [...this.lanes.values()];
      const ready = lanes.some(
        (lane) => lane.waiting.length > 0 || [...lane.delayed.values()].some((d) => d.runAt <= now),
      );
      const running = lanes.some((lane) => lane.active.size > 0) || this.scheduler.activeCount > 0;
      if (!ready && !running) return;
      if (ready && !this.processing) {
        throw new JobQueueStateError(
          'drain(): jobs are waiting but this queue is not processing (start() it first)',
        );
      }
      await this.changes.next();
    }
  }

  private lane(name: string): Lane {
    const lane = this.lanes.get(name);
    if (!lane) throw new UnknownJobError(name);
    return lane;
  }

  private pruneDeduplication(lane: Lane): void {
    const now = Date.now();
    for (const [key, entry] of lane.deduplication) {
      if (entry.expiresAt > now) return;
      lane.deduplication.delete(key);
    }
  }

  private placeJob(lane: Lane, job: PendingJob, delayMs: number): void {
    if (delayMs <= 0) {
      lane.waiting.push(job);
      this.pump(lane);
      return;
    }
    const timer = setTimeout(() => {
      lane.delayed.delete(job.id);
      lane.waiting.push(job);
      this.pump(lane);
      this.changes.notify();
    }, delayMs);
    lane.delayed.set(job.id, { job, runAt: Date.now() + delayMs, timer });
  }

  private pump(lane: Lane): void {
    while (this.processing && lane.active.size < lane.registered.concurrency && lane.waiting.length > 0) {
      const job = lane.waiting.shift() as PendingJob;
      const controller = new AbortController();
      lane.active.set(job.id, controller);
      void this.run(lane, job, controller);
    }
  }

  private async run(lane: Lane, job: PendingJob, controller: AbortController): Promise<void> {
    // Start on a later macrotask, as a Redis-backed worker would: the enqueuing caller (an outbox transaction,
    // an HTTP handler) finishes its own step before the handler begins.
    await nextMacrotask();
    if (!this.processing) {
      lane.active.delete(job.id);
      lane.waiting.unshift(job);
      this.changes.notify();
      return;
    }
    const { definition, retry } = lane.registered;
    const attempt = job.attemptsMade + 1;
    const logger = bindJobLogger(this.logger, { job: definition.name, jobId: job.id, attempt });
    try {
      const payload = parsePayload(definition.name, definition.schema, job.wire);
      await definition.handler(payload, { id: job.id, attempt, logger, signal: controller.signal });
      lane.completed += 1;
      if (job.idempotencyKey !== undefined) {
        const entry = lane.deduplication.get(job.idempotencyKey);
        if (entry?.id === job.id) entry.completed = true;
        this.notifyCompleted(definition.name, job.idempotencyKey);
      }
    } catch (error) {
      job.attemptsMade = attempt;
      // A stored payload the current schema rejects will not get better by retrying.
      const retryable = !(error instanceof JobPayloadValidationError && error.jobName === definition.name);
      if (retryable && attempt < retry.attempts) {
        const delayMs = retryDelayMs(retry, attempt);
        logger.warn({ err: describeError(error), retryInMs: delayMs }, 'job attempt failed; will retry');
        this.placeJob(lane, job, delayMs);
      } else {
        lane.failed += 1;
        logger.error({ err: describeError(error), attempts: attempt }, 'job failed');
      }
    } finally {
      lane.active.delete(job.id);
      this.pump(lane);
      this.changes.notify();
    }
  }

  private activeCount(): number {
    let count = this.scheduler.activeCount;
    for (const lane of this.lanes.values()) count += lane.active.size;
    return count;
  }

  private async shutDown(drainTimeoutMs: number): Promise<void> {
    this.phase = 'stopping';
    this.processing = false;
    this.scheduler.stopTicking();
    const drained = await this.changes.waitFor(() => this.activeCount() === 0, drainTimeoutMs);
    if (!drained) {
      this.logger.warn(
        { running: this.activeCount(), drainTimeoutMs },
        'jobs still running at stop; aborting them',
      );
      for (const lane of this.lanes.values()) {
        for (const controller of lane.active.values()) controller.abort(new JobQueueClosedError());
      }
      this.scheduler.abortRunning(new JobQueueClosedError());
      await this.changes.waitFor(() => this.activeCount() === 0, ABORT_GRACE_MS);
    }
    let dropped = 0;
    for (const lane of this.lanes.values()) {
      for (const { timer } of lane.delayed.values()) clearTimeout(timer);
      dropped += lane.waiting.length + lane.delayed.size;
    }
    if (dropped > 0) this.logger.warn({ dropped }, 'in-process jobs not run before stop are dropped');
    this.phase = 'stopped';
    this.changes.notify();
  }
}
