import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { JobDefinitionError } from '../errors.js';

/** `250ms`, `60s`, `5m`, `1h` or a number of milliseconds. */
const durationSchema = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^[1-9]\d*(ms|s|m|h)$/, 'Use a number of milliseconds or a duration such as "60s", "5m" or "1h"'),
]);

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Turns a validated duration (`60s`, `5m`, 250) into milliseconds. */
export function durationToMs(duration: z.infer<typeof durationSchema>): number {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+)(ms|s|m|h)$/.exec(duration) as RegExpExecArray;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

function isValidCron(pattern: string): boolean {
  try {
    CronExpressionParser.parse(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * Options of `JobQueue.schedule()`: exactly one of `every` (a fixed interval) or `cron` (a 5- or 6-field cron
 * pattern, UTC), the payload every run gets, and an optional jitter that spreads runs of many installations.
 */
export const scheduleOptionsSchema = z
  .object({
    /**
     * The schedule's id, unique on the queue; defaults to the job's name. Give one to run one job on several
     * schedules (each with its own payload), as plugin schedules do on the shared plugin job.
     */
    id: z.string().min(1).optional(),
    every: durationSchema.optional(),
    cron: z.string().refine(isValidCron, 'Not a valid cron pattern').optional(),
    /** Validated against the job's schema when scheduled and again before each run. Defaults to `{}`. */
    payload: z.unknown().optional(),
    /** Each run starts up to this many milliseconds after its tick (random); less than the interval. */
    jitterMs: z.number().int().nonnegative().optional(),
  })
  .refine((options) => (options.every === undefined) !== (options.cron === undefined), {
    message: 'Give exactly one of `every` and `cron`',
  })
  .refine(
    (options) =>
      // Zod runs this refinement even when `every` itself failed; that failure is reported already.
      !durationSchema.safeParse(options.every).success ||
      (options.jitterMs ?? 0) < durationToMs(options.every as z.infer<typeof durationSchema>),
    { message: '`jitterMs` must be shorter than `every`', path: ['jitterMs'] },
  );

/** What callers pass to `JobQueue.schedule()`. */
export type ScheduleOptions = z.input<typeof scheduleOptionsSchema>;

/** A validated schedule: the job it runs, when, and with which payload. */
export interface ScheduleSpec {
  /** The schedule's id: the job's name unless `id` was given. Leases, run records and timers are keyed by it. */
  name: string;
  /** The job each tick runs. */
  job: string;
  /** Interval in milliseconds, when scheduled with `every`. */
  everyMs?: number;
  /** Cron pattern (UTC), when scheduled with `cron`. */
  cron?: string;
  payload: unknown;
  jitterMs: number;
}

/** Validates `schedule()` options; throws `JobDefinitionError` naming the job on bad options. */
export function parseScheduleOptions(name: string, options: ScheduleOptions): ScheduleSpec {
  const parsed = scheduleOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new JobDefinitionError(`Invalid schedule of job "${name}": ${reasons}`);
  }
  const { id, every, cron, payload, jitterMs } = parsed.data;
  return {
    name: id ?? name,
    job: name,
    ...(every === undefined ? {} : { everyMs: durationToMs(every) }),
    ...(cron === undefined ? {} : { cron }),
    payload: payload ?? {},
    jitterMs: jitterMs ?? 0,
  };
}

/** The next tick of a schedule strictly after `after`. */
export function nextTickAfter(spec: ScheduleSpec, after: Date): Date {
  if (spec.everyMs !== undefined) return new Date(after.getTime() + spec.everyMs);
  const expression = CronExpressionParser.parse(spec.cron as string, { currentDate: after, tz: 'UTC' });
  return expression.next().toDate();
}

/** A random delay in `[0, jitterMs)` (0 without jitter). */
export function jitterDelayMs(spec: ScheduleSpec): number {
  return spec.jitterMs > 0 ? Math.floor(Math.random() * spec.jitterMs) : 0;
}
