import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../dto/json.schema.js';
import type { RegisteredJob } from '../../host/plugin-host.js';
import { toJsonValue } from '../../host/to-json-value.js';
import type { Clock } from '../../ports/clock.js';
import type { EnqueuedJob, EnqueueOptions, JobQueue } from '../../ports/jobs.js';
import type { FakeClock } from './fake-clock.js';

/** A job in the in-memory queue. */
export interface QueuedJob {
  id: string;
  name: string;
  payload: JsonValue;
  idempotencyKey: string | null;
  /** The job does not run before this time (by the queue's clock). */
  availableAt: Date;
  state: 'waiting' | 'completed' | 'failed';
  attempts: number;
  /** The last error message, when a run failed. */
  error: string | null;
}

/** What one `drain()` ran. */
export interface DrainResult {
  completed: QueuedJob[];
  failed: QueuedJob[];
}

/** Options of `drain()`. */
export interface DrainOptions {
  /** Move the fake clock forward to run delayed jobs too (default false: only jobs already due run). */
  advanceClock?: boolean;
}

const MAX_RUNS_PER_DRAIN = 10_000;

/**
 * A job queue that runs nothing until `drain()`: then it runs due jobs (and the jobs they enqueue) in order until
 * none is left. An idempotency key already used is not enqueued again, as with BullMQ job ids.
 */
export class InMemoryJobQueue implements JobQueue {
  /** Every job ever enqueued, in order. */
  readonly jobs: QueuedJob[] = [];
  private runners = new Map<string, RegisteredJob>();

  /**
   * @param clock the clock delays are measured with.
   * @param maxAttempts runs of a failing job before it is marked failed.
   */
  constructor(
    private readonly clock: Clock | FakeClock,
    private readonly maxAttempts = 1,
  ) {}

  /** Sets the jobs the queue can run (the test host passes `host.jobs()`). */
  useJobs(jobs: readonly RegisteredJob[]): void {
    this.runners = new Map(jobs.map((job) => [job.name, job]));
  }

  async enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<EnqueuedJob> {
    const key = options?.idempotencyKey ?? null;
    const existing = key === null ? undefined : this.jobs.find((job) => job.idempotencyKey === key);
    if (existing) return { id: existing.id };
    const job: QueuedJob = {
      id: randomUUID(),
      name,
      payload: toJsonValue(payload),
      idempotencyKey: key,
      availableAt: new Date(this.clock.now().getTime() + (options?.delay ?? 0)),
      state: 'waiting',
      attempts: 0,
      error: null,
    };
    this.jobs.push(job);
    return { id: job.id };
  }

  /** Jobs not run yet (or to be retried). */
  waiting(): QueuedJob[] {
    return this.jobs.filter((job) => job.state === 'waiting');
  }

  /** Runs due jobs until none is left; see {@link DrainOptions}. */
  async drain(options: DrainOptions = {}): Promise<DrainResult> {
    const result: DrainResult = { completed: [], failed: [] };
    for (let runs = 0; runs < MAX_RUNS_PER_DRAIN; runs++) {
      const job = this.nextDue(options.advanceClock === true);
      if (!job) return result;
      await this.run(job);
      if (job.state === 'completed') result.completed.push(job);
      if (job.state === 'failed') result.failed.push(job);
    }
    throw new Error(
      `drain() ran ${MAX_RUNS_PER_DRAIN} jobs without emptying the queue: do jobs enqueue themselves?`,
    );
  }

  private nextDue(advanceClock: boolean): QueuedJob | undefined {
    const waiting = this.waiting().sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime());
    const first = waiting[0];
    if (!first) return undefined;
    if (first.availableAt <= this.clock.now()) return first;
    if (advanceClock && 'set' in this.clock) {
      this.clock.set(first.availableAt);
      return first;
    }
    return undefined;
  }

  private async run(job: QueuedJob): Promise<void> {
    job.attempts += 1;
    const runner = this.runners.get(job.name);
    try {
      if (!runner) throw new Error(`No job named "${job.name}" is defined`);
      await runner.run(toJsonValue(job.payload), { id: job.id, name: job.name, attempt: job.attempts });
      job.state = 'completed';
      job.error = null;
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      if (job.attempts >= this.maxAttempts) job.state = 'failed';
    }
  }
}
