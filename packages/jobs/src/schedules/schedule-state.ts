import { z } from 'zod';

/** The outcome of a schedule's most recent run, as stored where every process can read it. */
export const scheduleRunRecordSchema = z.object({
  /** When the run started (ms since the epoch). */
  lastRunAt: z.coerce.number().int(),
  lastResult: z.enum(['ok', 'error']),
  /** The error message of a failed run; empty after a successful one. */
  lastError: z.string().default(''),
});

/** See {@link scheduleRunRecordSchema}. */
export type ScheduleRunRecord = z.infer<typeof scheduleRunRecordSchema>;

/** What `JobQueue.schedules()` reports per schedule (the console's "Scheduled jobs" page). */
export interface ScheduleState {
  /** The schedule's id (the scheduled job's name unless the schedule was given an `id`). */
  name: string;
  /** Interval in milliseconds (`every` schedules). */
  everyMs?: number;
  /** Cron pattern, UTC (`cron` schedules). */
  cron?: string;
  jitterMs: number;
  lastRunAt: Date | null;
  lastResult: 'ok' | 'error' | null;
  lastError: string | null;
  /** The next tick (before jitter); null when no process runs the schedule (only API pods are up). */
  nextRunAt: Date | null;
}
