import { afterCommit, currentTransaction } from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import type { JobQueue as PluginJobQueuePort } from '@warmpath/plugin-sdk';
import { queueJobName } from './job-names.js';

/**
 * The plugins' job port: every `ctx.jobs.enqueue` becomes an outbox row, never a direct queue call. Inside a core
 * use case's unit of work (`runInTransaction`) the row is written with that transaction, so the job runs only if
 * the change commits; outside one it is written on its own, so the enqueue still succeeds, durably, while Redis
 * is briefly down. The dispatcher is woken once the row is committed, so the job starts without waiting a poll.
 * The returned id is the outbox row's.
 */
export function createOutboxJobPort(options: {
  db: Kysely<Database>;
  /** Wakes the outbox dispatcher of this process (a no-op where it does not run). */
  wakeDispatcher: () => void;
}): PluginJobQueuePort {
  return {
    async enqueue(name, payload, enqueueOptions = {}) {
      const { delay, idempotencyKey } = enqueueOptions;
      const id = await writeOutbox(currentTransaction() ?? options.db, {
        jobName: queueJobName(name),
        payload,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        // The dispatcher compares with the database's now(); a delay is relative to the real time, not a test clock.
        ...(delay ? { availableAt: new Date(Date.now() + delay) } : {}),
      });
      afterCommit(options.wakeDispatcher);
      return { id };
    },
  };
}
