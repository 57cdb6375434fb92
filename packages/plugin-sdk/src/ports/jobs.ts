import type { z } from 'zod';
import type { JsonValue } from '../dto/json.schema.js';
import type { PluginScheduleOptions } from './job-schedule.schema.js';

/** Options of an enqueue. */
export interface EnqueueOptions {
  /** Milliseconds to wait before the job may run. */
  delay?: number;
  /** A job enqueued again with a key already used is not added twice. */
  idempotencyKey?: string;
}

/** The id of an enqueued job. */
export interface EnqueuedJob {
  id: string;
}

/** Facts about the running job. */
export interface JobRunContext {
  id: string;
  /** The job's qualified name (`plugin:<id>:<instance>:<name>`). */
  name: string;
  /** 1 on the first run, then 2, 3… on retries. */
  attempt: number;
}

/** A job a plugin defines: a payload schema and an idempotent handler (jobs are retried). */
export interface PluginJobDefinition<PayloadSchema extends z.ZodType> {
  payload: PayloadSchema;
  handler(payload: z.output<PayloadSchema>, job: JobRunContext): Promise<void>;
}

/** A defined job, to enqueue with a typed payload. */
export interface DefinedJob<PayloadSchema extends z.ZodType> {
  /** The qualified name the host's queue knows the job by. */
  readonly name: string;
  enqueue(payload: z.input<PayloadSchema>, options?: EnqueueOptions): Promise<EnqueuedJob>;
}

/** `ctx.jobs`: background jobs of a plugin instance. */
export interface PluginJobs {
  /**
   * Defines a job (during `register` only). Its name is local to the plugin instance; the host qualifies it.
   * @returns a handle to enqueue it with a typed payload.
   */
  define<PayloadSchema extends z.ZodType>(
    name: string,
    definition: PluginJobDefinition<PayloadSchema>,
  ): DefinedJob<PayloadSchema>;
  /**
   * Enqueues a job this instance defined; the payload is validated against its schema first. Called while a
   * core use case runs its transaction, the job is written to the outbox with that transaction: it runs only if
   * the change commits.
   */
  enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<EnqueuedJob>;
  /**
   * Runs a job this instance defined on a schedule (during `register` only; one schedule per job): every tick
   * runs once across all workers, a tick arriving while the previous run is still going is skipped, and a failed
   * run is not retried (the next tick is the retry). The payload is validated against the job's schema.
   */
  schedule(name: string, options: PluginScheduleOptions): void;
}

/** Host port: the job queue (BullMQ or in-process in the host; a drainable fake in tests). */
export interface JobQueue {
  enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<EnqueuedJob>;
}
