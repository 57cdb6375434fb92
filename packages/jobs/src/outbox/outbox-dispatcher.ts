import { type Database, type Kysely, type OutboxRow, sql } from '@warmpath/db';
import { JobQueueUnavailableError } from '../errors.js';
import type { JobQueue } from '../job-queue.js';
import { defaultJobLogger, describeError, type JobLogger } from '../logger.js';

/** Options of the outbox dispatcher. */
export interface OutboxDispatcherOptions {
  db: Kysely<Database>;
  queue: JobQueue;
  logger?: JobLogger;
  /** Pause between polls when the outbox is drained (default 1 s); `wake()` cuts it short. */
  pollIntervalMs?: number;
  /** Rows claimed per transaction (default 100). */
  batchSize?: number;
  /** Back-off after a row's first failed dispatch, doubled on each further failure (default 1 s). */
  backoffMs?: number;
  /** Cap of that back-off (default 5 min). */
  maxBackoffMs?: number;
  /**
   * With a queue whose jobs do not survive a restart (it has `onJobCompleted`), how long a handed-out row waits
   * for its job to complete before it is handed out again (default 10 min; the queue deduplicates by key).
   */
  leaseMs?: number;
}

/** last_error is for people reading the table; keep it bounded. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Moves committed outbox rows to the job queue (docs/architecture.md "The outbox flow"). Rows are claimed
 * with `FOR UPDATE SKIP LOCKED` inside a transaction, so several dispatchers (one per pod) never dispatch a
 * row twice at the same time; each row is enqueued with `idempotency_key ?? id` as its idempotency key, so a
 * row re-dispatched after a crash between enqueue and commit still runs its job once. A failed enqueue (Redis
 * down, unknown job) leaves the row pending with `attempts`, `last_error` and a capped exponential back-off
 * on `available_at`: nothing is lost.
 *
 * With a non-durable queue (in-process, the embedded mode) a row is only marked dispatched once its job has
 * completed; until then it is leased. Leases are cleared when the dispatcher starts, so a job lost with the
 * previous process runs again: delivery is at least once, like every job (handlers are idempotent).
 */
export class OutboxDispatcher {
  private readonly db: Kysely<Database>;
  private readonly queue: JobQueue;
  private readonly logger: JobLogger;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakeRequested = false;
  private readonly leaseMs: number;
  /** Rows handed to a non-durable queue in this process, by their job's idempotency key. */
  private readonly leased = new Map<string, string>();
  private readonly confirmsCompletion: boolean;

  constructor(options: OutboxDispatcherOptions) {
    this.db = options.db;
    this.queue = options.queue;
    this.logger = options.logger ?? defaultJobLogger();
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60 * 1000;
    this.leaseMs = options.leaseMs ?? 10 * 60 * 1000;
    this.confirmsCompletion = typeof this.queue.onJobCompleted === 'function';
    this.queue.onJobCompleted?.(({ idempotencyKey }) => {
      const rowId = this.leased.get(idempotencyKey);
      if (rowId === undefined) return;
      this.leased.delete(idempotencyKey);
      void this.markDispatched([rowId]).catch((error: unknown) =>
        this.logger.error({ outboxId: rowId, err: describeError(error) }, 'could not mark outbox row done'),
      );
    });
  }

  /** Starts polling in the background; calling it again does nothing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (this.confirmsCompletion ? this.releaseLeases() : Promise.resolve()).then(() =>
      this.pollUntilStopped(),
    );
  }

  /** Leases left by a previous process belong to jobs that died with it: make their rows due again. */
  private async releaseLeases(): Promise<void> {
    try {
      await this.db
        .updateTable('outbox')
        .set({ lease_expires_at: null })
        .where('dispatched_at', 'is', null)
        .where('lease_expires_at', 'is not', null)
        .execute();
    } catch (error) {
      this.logger.error({ err: describeError(error) }, 'could not release outbox leases');
    }
  }

  private async markDispatched(ids: string[]): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ dispatched_at: sql<Date>`now()`, lease_expires_at: null })
      .where('id', 'in', ids)
      .where('dispatched_at', 'is', null)
      .execute();
  }

  /** Stops polling and waits for the batch in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  /** Polls now instead of at the end of the interval (call after committing outbox rows in this process). */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Claims and dispatches one batch of due rows; returns how many were enqueued. */
  async dispatchOnce(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('dispatched_at', 'is', null)
        .where('available_at', '<=', sql<Date>`now()`)
        .where((eb) =>
          eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', sql<Date>`now()`)]),
        )
        .orderBy('available_at')
        .orderBy('id')
        .limit(this.batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      const dispatched: string[] = [];
      let queueUnavailable: unknown;
      for (const row of rows) {
        // Once the queue is known to be down, the rest of the batch would fail the same way: skip the calls.
        let failure = queueUnavailable;
        if (failure === undefined) {
          try {
            const idempotencyKey = row.idempotency_key ?? row.id;
            await this.queue.enqueue(row.job_name, row.payload, { idempotencyKey });
            if (this.confirmsCompletion) this.leased.set(idempotencyKey, row.id);
            dispatched.push(row.id);
            continue;
          } catch (error) {
            failure = error;
            if (error instanceof JobQueueUnavailableError) queueUnavailable = error;
          }
        }
        await this.recordFailure(trx, row, failure);
      }
      if (dispatched.length > 0) {
        await trx
          .updateTable('outbox')
          .set(
            this.confirmsCompletion
              ? { lease_expires_at: sql<Date>`now() + ${this.leaseMs}::integer * interval '1 millisecond'` }
              : { dispatched_at: sql<Date>`now()` },
          )
          .where('id', 'in', dispatched)
          .execute();
      }
      return dispatched.length;
    });
  }

  private async recordFailure(trx: Kysely<Database>, row: OutboxRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const delayMs = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempts - 1));
    const { message } = describeError(error);
    await trx
      .updateTable('outbox')
      .set({
        attempts,
        last_error: message.slice(0, MAX_ERROR_LENGTH),
        available_at: sql<Date>`now() + ${Math.round(delayMs)}::integer * interval '1 millisecond'`,
      })
      .where('id', '=', row.id)
      .execute();
    const log = error instanceof JobQueueUnavailableError ? this.logger.warn : this.logger.error;
    log.call(
      this.logger,
      { outboxId: row.id, job: row.job_name, attempts, retryInMs: delayMs, err: describeError(error) },
      'outbox row not dispatched; will retry',
    );
  }

  private async pollUntilStopped(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let dispatched = 0;
      try {
        dispatched = await this.dispatchOnce();
      } catch (error) {
        this.logger.error({ err: describeError(error) }, 'outbox dispatch failed');
      }
      // A full batch means more rows are probably due: go again without waiting.
      if (this.running && dispatched < this.batchSize) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), this.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }
}
