import { setTimeout as sleep } from 'node:timers/promises';
import { describeError, type JobLogger } from '../logger.js';
import { jitterDelayMs, type ScheduleSpec } from './schedule-options.js';
import type { ScheduleRunRecord } from './schedule-state.js';

/** Held while one run of a schedule executes; `release` lets the next tick run. */
export interface ScheduleLease {
  release(): Promise<void>;
}

/** Where a driver keeps the no-overlap guard and the last outcome of each schedule. */
export interface ScheduleBackend {
  /** A lease on the schedule, or undefined when a run of it is still in progress (anywhere). */
  tryLease(name: string): Promise<ScheduleLease | undefined>;
  record(name: string, record: ScheduleRunRecord): Promise<void>;
}

/** What happened to one tick. */
export type TickOutcome = 'ok' | 'error' | 'skipped' | 'aborted';

/**
 * Runs one tick of a schedule: waits its jitter, skips the tick if the previous run is still going (a slow run
 * never overlaps itself), runs the job and records the outcome. Handler errors are recorded and returned, not
 * thrown: the next tick is the retry.
 */
export async function runScheduledTick(options: {
  spec: ScheduleSpec;
  backend: ScheduleBackend;
  logger: JobLogger;
  /** Aborts the run (the queue gave up on running jobs). */
  signal: AbortSignal;
  /** Aborted as soon as the queue starts stopping: a run still waiting out its jitter is dropped at once. */
  stopping: AbortSignal;
  run: () => Promise<void>;
}): Promise<{ outcome: TickOutcome; error?: unknown }> {
  const { spec, backend, logger, signal } = options;
  const jitter = jitterDelayMs(spec);
  if (jitter > 0) {
    try {
      await sleep(jitter, undefined, { signal: AbortSignal.any([signal, options.stopping]) });
    } catch {
      return { outcome: 'aborted' };
    }
  }
  const lease = await backend.tryLease(spec.name);
  if (!lease) {
    logger.warn({ job: spec.name }, 'scheduled run skipped: the previous run is still in progress');
    return { outcome: 'skipped' };
  }
  const startedAt = Date.now();
  let result: { outcome: TickOutcome; error?: unknown };
  try {
    await options.run();
    result = { outcome: 'ok' };
  } catch (error) {
    logger.error({ job: spec.name, err: describeError(error) }, 'scheduled run failed');
    result = { outcome: 'error', error };
  }
  const record: ScheduleRunRecord = {
    lastRunAt: startedAt,
    lastResult: result.outcome === 'ok' ? 'ok' : 'error',
    lastError: result.outcome === 'ok' ? '' : describeError(result.error).message,
  };
  // The state is for display: failing to store it must not turn a good run into a failed one.
  await backend
    .record(spec.name, record)
    .catch((error: unknown) =>
      logger.warn({ job: spec.name, err: describeError(error) }, 'could not record a scheduled run'),
    );
  await lease.release();
  return result;
}
