import { JobDefinitionError, UnknownJobError } from './errors.js';
import type { JobDefinition, RetryPolicy } from './job-definition.js';

/** A definition with its retry policy and concurrency resolved against the queue's defaults. */
export interface RegisteredJob {
  definition: JobDefinition<unknown>;
  retry: RetryPolicy;
  concurrency: number;
}

/** Queue names double as BullMQ queue names, which cannot contain `:`; keep them readable and portable. */
const JOB_NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;

/** The definitions of one queue: both drivers share the rules for adding and looking them up. */
export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();
  private sealed = false;

  constructor(private readonly defaults: { retry: RetryPolicy; concurrency: number }) {
    assertRetryPolicy('default', defaults.retry);
    assertConcurrency('default', defaults.concurrency);
  }

  define(definition: JobDefinition<unknown>): RegisteredJob {
    if (this.sealed) throw new JobDefinitionError(`Job "${definition.name}" was defined after start()`);
    if (!JOB_NAME.test(definition.name)) {
      throw new JobDefinitionError(
        `Job name "${definition.name}" must be lower-case letters and digits separated by ".", "_" or "-"`,
      );
    }
    if (this.jobs.has(definition.name)) {
      throw new JobDefinitionError(`A job named "${definition.name}" is already defined`);
    }
    const retry = { ...this.defaults.retry, ...definition.retry };
    const concurrency = definition.concurrency ?? this.defaults.concurrency;
    assertRetryPolicy(definition.name, retry);
    assertConcurrency(definition.name, concurrency);
    const registered = { definition, retry, concurrency };
    this.jobs.set(definition.name, registered);
    return registered;
  }

  get(name: string): RegisteredJob {
    const registered = this.jobs.get(name);
    if (!registered) throw new UnknownJobError(name);
    return registered;
  }

  all(): RegisteredJob[] {
    return [...this.jobs.values()];
  }

  /** Called by start(): workers are created from the definitions known at that moment. */
  seal(): void {
    this.sealed = true;
  }
}

function assertRetryPolicy(name: string, retry: RetryPolicy): void {
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) {
    throw new JobDefinitionError(`Job "${name}": retry.attempts must be an integer >= 1`);
  }
  if (!Number.isFinite(retry.backoffMs) || retry.backoffMs < 0) {
    throw new JobDefinitionError(`Job "${name}": retry.backoffMs must be >= 0`);
  }
}

function assertConcurrency(name: string, concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new JobDefinitionError(`Job "${name}": concurrency must be an integer >= 1`);
  }
}
