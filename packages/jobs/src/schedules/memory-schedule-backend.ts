import type { ScheduleBackend, ScheduleLease } from './run-scheduled-tick.js';
import type { ScheduleRunRecord } from './schedule-state.js';

/** The in-process driver's schedule backend: one process, so a set of running schedules is the whole guard. */
export class MemoryScheduleBackend implements ScheduleBackend {
  private readonly running = new Set<string>();
  private readonly records = new Map<string, ScheduleRunRecord>();

  async tryLease(name: string): Promise<ScheduleLease | undefined> {
    if (this.running.has(name)) return undefined;
    this.running.add(name);
    return { release: async () => void this.running.delete(name) };
  }

  async record(name: string, record: ScheduleRunRecord): Promise<void> {
    this.records.set(name, record);
  }

  /** The last recorded run of a schedule. */
  lastRun(name: string): ScheduleRunRecord | undefined {
    return this.records.get(name);
  }
}
