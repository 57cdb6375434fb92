import { type Clock, type PruneReport, pruneExpiredRows } from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import type { Logger } from './logger.js';

/** Periodic pruning of finished bookkeeping rows (see `pruneExpiredRows`). */
export interface Housekeeping {
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs once now (the timer calls this). */
  runOnce(): Promise<PruneReport | undefined>;
}

/**
 * Runs `pruneExpiredRows` shortly after start and then every `intervalMs` (default hourly) in processes that run
 * jobs. A failed run is logged and retried at the next tick; runs never overlap.
 */
export function createHousekeeping(options: {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
  firstRunDelayMs?: number;
}): Housekeeping {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  const firstRunDelayMs = options.firstRunDelayMs ?? 60 * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PruneReport | undefined> | undefined;

  const runOnce = () => {
    running ??= pruneExpiredRows(options.db, options.clock.now())
      .then((report) => {
        if (Object.values(report).some((count) => count > 0)) {
          options.logger.info({ pruned: report }, 'housekeeping pruned expired rows');
        }
        return report;
      })
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, 'housekeeping failed; will retry at the next run');
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      void runOnce().finally(() => {
        if (timer !== undefined) schedule(intervalMs);
      });
    }, delayMs);
    // Housekeeping alone must never keep a process alive.
    timer.unref();
  };

  return {
    start() {
      if (timer === undefined) schedule(firstRunDelayMs);
    },
    async stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
