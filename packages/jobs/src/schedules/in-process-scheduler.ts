import type { JobLogger } from '../logger.js';
import { MemoryScheduleBackend } from './memory-schedule-backend.js';
import { runScheduledTick } from './run-scheduled-tick.js';
import { nextTickAfter, type ScheduleSpec } from './schedule-options.js';
import type { ScheduleState } from './schedule-state.js';

/** Runs one scheduled job in this process; the signal aborts when the queue gives up on running jobs. */
export type RunScheduledJob = (spec: ScheduleSpec, signal: AbortSignal) => Promise<void>;

/**
 * The in-process driver's scheduler: one unref'd timer per schedule (timers alone never keep the process alive),
 * re-armed from the tick time rather than the run's end, so a slow run skips ticks instead of drifting.
 */
export class InProcessScheduler {
  private readonly specs = new Map<string, ScheduleSpec>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; tickAt: Date }>();
  private readonly backend = new MemoryScheduleBackend();
  private readonly running = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private readonly stopping = new AbortController();
  private started = false;

  constructor(
    private readonly runJob: RunScheduledJob,
    private readonly logger: JobLogger,
    /** Called whenever a run settles (the queue's drain and stop wait on it). */
    private readonly onRunSettled: () => void,
  ) {}

  /** Adds or replaces a schedule; once started it is armed at once (from now). */
  add(spec: ScheduleSpec): void {
    this.specs.set(spec.name, spec);
    this.disarm(spec.name);
    if (this.started) this.arm(spec, nextTickAfter(spec, new Date()));
  }

  /** Removes a schedule: no further ticks; a run in progress goes on to its end. */
  remove(name: string): void {
    this.specs.delete(name);
    this.disarm(name);
  }

  private disarm(name: string): void {
    const armed = this.timers.get(name);
    if (armed) clearTimeout(armed.timer);
    this.timers.delete(name);
  }

  start(): void {
    this.started = true;
    const now = new Date();
    for (const spec of this.specs.values()) this.arm(spec, nextTickAfter(spec, now));
  }

  /** How many scheduled runs are in progress. */
  get activeCount(): number {
    return this.running.size;
  }

  /** Stops the timers; runs in progress go on until `abortRunning()` or their end. */
  stopTicking(): void {
    this.started = false;
    this.stopping.abort();
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  abortRunning(reason: unknown): void {
    this.abort.abort(reason);
  }

  /** Resolves when every run in progress has settled. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  states(): ScheduleState[] {
    return [...this.specs.values()].map((spec) => {
      const last = this.backend.lastRun(spec.name);
      return {
        name: spec.name,
        ...(spec.everyMs === undefined ? {} : { everyMs: spec.everyMs }),
        ...(spec.cron === undefined ? {} : { cron: spec.cron }),
        jitterMs: spec.jitterMs,
        lastRunAt: last ? new Date(last.lastRunAt) : null,
        lastResult: last?.lastResult ?? null,
        lastError: last?.lastError || null,
        nextRunAt: this.timers.get(spec.name)?.tickAt ?? null,
      };
    });
  }

  private arm(spec: ScheduleSpec, tickAt: Date): void {
    const timer = setTimeout(() => this.tick(spec, tickAt), Math.max(0, tickAt.getTime() - Date.now()));
    timer.unref();
    this.timers.set(spec.name, { timer, tickAt });
  }

  private tick(spec: ScheduleSpec, tickAt: Date): void {
    // A timer of a schedule since removed or replaced is stale (clearTimeout normally stops it first).
    if (!this.started || this.specs.get(spec.name) !== spec) return;
    // Arm the next tick first: it fires on time whatever this run does, and skips if this run is still going.
    this.arm(spec, nextTickAfter(spec, new Date(Math.max(tickAt.getTime(), Date.now()))));
    const signal = this.abort.signal;
    const run = runScheduledTick({
      spec,
      backend: this.backend,
      logger: this.logger,
      signal,
      stopping: this.stopping.signal,
      run: () => this.runJob(spec, signal),
    });
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.onRunSettled();
    });
  }
}
