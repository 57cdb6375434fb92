import { type Clock, pruneExpiredRows } from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import { defineJob, type JobQueue, type ScheduleOptions } from '@warmpath/jobs';
import { z } from 'zod';
import type { Logger } from './logger.js';

/** The scheduled job that prunes finished bookkeeping rows (see `pruneExpiredRows`). */
export const HOUSEKEEPING_JOB = 'core.housekeeping';

/**
 * Defines the housekeeping job and schedules it (default hourly, with up to a minute of jitter) like any plugin
 * schedule: it runs in processes that run jobs, once per tick across workers, never overlapping itself; a failed
 * run shows on the console's "Scheduled jobs" page and the next tick is its retry.
 */
export function defineHousekeepingJob(
  queue: JobQueue,
  options: {
    db: Kysely<Database>;
    clock: Clock;
    logger: Logger;
    schedule?: Pick<ScheduleOptions, 'every' | 'cron' | 'jitterMs'>;
  },
): void {
  queue.define(
    defineJob({
      name: HOUSEKEEPING_JOB,
      schema: z.object({}),
      handler: async () => {
        const report = await pruneExpiredRows(options.db, options.clock.now());
        if (Object.values(report).some((count) => count > 0)) {
          options.logger.info({ pruned: report }, 'housekeeping pruned expired rows');
        }
      },
    }),
  );
  queue.schedule(HOUSEKEEPING_JOB, options.schedule ?? { every: '1h', jitterMs: 60_000 });
}
