import type { z } from 'zod';
import type { JobLogger } from './logger.js';

/**
 * How a failing job is retried: `attempts` runs in total (the first one included); after attempt `n` fails the
 * next one waits `backoffMs * 2^(n-1)`. When the last attempt fails the job is recorded as failed.
 */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

/** Five attempts, 1 s then 2, 4 and 8 s apart: rides out a provider blip without hammering it. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, backoffMs: 1000 };

/** What a handler gets besides its payload. */
export interface JobContext {
  /** The job id (the same on every attempt; what `enqueue()` returned). */
  id: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** The queue's logger, bound to the job name, id and attempt. */
  logger: JobLogger;
  /** Aborted when the queue stops and its drain timeout runs out; long handlers should pass it on (fetch, SDKs). */
  signal: AbortSignal;
}

/**
 * A named unit of background work. Handlers must be idempotent: a job can run again after a crash, and
 * external calls should carry an idempotency key derived from the payload or `ctx.id`.
 */
export interface JobDefinition<T> {
  /** Unique per queue: lower-case letters, digits and `.`, `_` or `-` separators (`crm.sync`, `reward.issue`). */
  name: string;
  /** Validates payloads on enqueue and again before each run (a payload may predate a deploy). */
  schema: z.ZodType<T>;
  handler(payload: T, ctx: JobContext): Promise<void>;
  /** Overrides the queue's default retry policy field by field. */
  retry?: Partial<RetryPolicy>;
  /** Most runs of this job at the same time. With BullMQ the limit holds across all workers. */
  concurrency?: number;
}

/** Declares a job with its payload type inferred from the zod schema. */
export function defineJob<S extends z.ZodType>(def: {
  name: string;
  schema: S;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
  retry?: Partial<RetryPolicy>;
  concurrency?: number;
}): JobDefinition<z.infer<S>> {
  // S parses to z.infer<S> by definition; TypeScript cannot see that through the generic.
  return { ...def, schema: def.schema as z.ZodType<z.infer<S>> };
}

/** How long the next attempt waits after attempt `failedAttempt` (1-based) failed. */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  return policy.backoffMs * 2 ** (failedAttempt - 1);
}
