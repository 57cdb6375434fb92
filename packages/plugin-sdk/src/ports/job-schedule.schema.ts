import { z } from 'zod';
import { JsonValueSchema } from '../dto/json.schema.js';

/**
 * Options of `ctx.jobs.schedule()`: exactly one of `every` (`'60s'`, `'5m'`, `'1h'` or milliseconds) or `cron`
 * (a cron pattern, UTC), the payload every run gets (default `{}`) and an optional jitter: each run starts up to
 * `jitterMs` after its tick, so many installations do not call a provider at the same second.
 */
export const PluginScheduleOptionsSchema = z
  .object({
    every: z
      .union([
        z.number().int().positive(),
        z.string().regex(/^[1-9]\d*(ms|s|m|h)$/, 'Use "60s", "5m", "1h" or ms'),
      ])
      .optional(),
    cron: z.string().min(1).optional(),
    payload: JsonValueSchema.optional(),
    jitterMs: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((options) => (options.every === undefined) !== (options.cron === undefined), {
    message: 'Give exactly one of `every` and `cron`',
  });

/** See {@link PluginScheduleOptionsSchema}. */
export type PluginScheduleOptions = z.input<typeof PluginScheduleOptionsSchema>;
