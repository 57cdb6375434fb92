import type { JobDefinition } from './job-definition.js';
import type { ScheduleOptions } from './schedules/schedule-options.js';
import type { ScheduleState } from './schedules/schedule-state.js';

/** Options of one `enqueue()` call. */
export interface EnqueueOptions {
  /** Milliseconds before the job may run. */
  delay?: number;
  /**
   * Deduplicates enqueues of the same job: while a job with this key was enqueued within the queue's
   * deduplication window (default 24 h, whether it is still waiting or already finished), another enqueue
   * returns that job's id with `deduplicated: true` and runs nothing.
   */
  idempotencyKey?: string;
}

/** What `enqueue()` answers. */
export interface EnqueueResult {
  /** The job's id; for a deduplicated enqueue, the id of the job enqueued first. */
  id: string;
  deduplicated: boolean;
}

/** Counts of one job name; `waiting` includes jobs ready to run but not started. */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** Options of `start()`. */
export interface StartOptions {
  /** false: enqueue only, run nothing (API pods with MODE=api). Defaults to true. */
  process?: boolean;
}

/** Options of `stop()`. */
export interface StopOptions {
  /**
   * How long to wait for running handlers before aborting their `ctx.signal` and giving up on them
   * (default 25 s). With BullMQ, a job given up on is picked up again by a worker once its lock expires.
   */
  drainTimeoutMs?: number;
}

/**
 * Warmpath's one job API. Two drivers implement it with the same semantics, proven by
 * `describeJobQueueContract` from `@warmpath/jobs/testing`: BullMQ (Redis) in production and an in-process
 * driver in the embedded default.
 */
export interface JobQueue {
  readonly driver: 'bullmq' | 'in-process';
  /** Adds a job definition; only before `start()`. Throws `JobDefinitionError` on a duplicate or invalid name. */
  define(job: JobDefinition<unknown>): void;
  /**
   * Validates the payload against the job's schema and enqueues it. Allowed before `start()` (the job waits for
   * processing) and until `stop()` resolves. Throws `UnknownJobError`, `JobPayloadValidationError`,
   * `JobQueueUnavailableError` (Redis unreachable: fails fast, never hangs) or `JobQueueClosedError`.
   */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /**
   * Runs a defined job on a schedule: `every` (`'60s'`, `'5m'`, ms) or `cron` (UTC), with a fixed payload and
   * optional jitter. One schedule per id (`options.id`, the job's name by default; scheduling the same id again
   * replaces it). Allowed before and after `start()`: after it, the schedule is armed at once (BullMQ: upserted in
   * the background by processing processes only, so an API process never writes schedulers). Every process
   * declares its schedules; only processing ones (`start()` without `process: false`) run them. With several
   * workers each tick runs once, and a tick arriving while the previous run of the same schedule is still going
   * is skipped. A failed run is not retried: the next tick is the retry. Throws `UnknownJobError`,
   * `JobPayloadValidationError`, `JobDefinitionError` (bad options) or `JobQueueClosedError` (stopping).
   */
  schedule(name: string, options: ScheduleOptions): void;
  /**
   * Removes the schedule `id` (see `schedule`); unknown ids are ignored. A run in progress goes on to its end.
   * Resolves once removed (BullMQ: from Redis, by processing processes; API processes only forget it locally).
   */
  unschedule(id: string): Promise<void>;
  /** Every schedule declared on this queue with its last run, last result and next tick, as all processes see it. */
  schedules(): Promise<ScheduleState[]>;
  /** Connects and, unless `process: false`, starts running jobs. Can be called once. */
  start(options?: StartOptions): Promise<void>;
  /** Stops taking jobs, waits for the running ones (see `drainTimeoutMs`), then releases connections. */
  stop(options?: StopOptions): Promise<void>;
  /** Resolves when the backing store answers (for /readyz); rejects with `JobQueueUnavailableError` otherwise. */
  ping(): Promise<void>;
  /** Counts per defined job name (for /metrics). */
  stats(): Promise<Record<string, JobCounts>>;
  /**
   * Present on drivers whose jobs do not survive a restart (in-process): calls `listener` when a job enqueued
   * with an idempotency key has completed. The outbox dispatcher uses it to mark a row done only once its job
   * has run, so a row whose job was lost with the process is dispatched again at the next boot.
   */
  onJobCompleted?(listener: JobCompletedListener): void;
}

/** See {@link JobQueue.onJobCompleted}. */
export type JobCompletedListener = (job: { name: string; idempotencyKey: string }) => void;
