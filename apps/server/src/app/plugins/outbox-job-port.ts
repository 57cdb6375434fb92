import { afterCommit, currentTransaction } from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import type { JobQueue as PluginJobQueuePort } from '@warmpath/plugin-sdk';
import { PLUGIN_JOB, type PluginJobEnvelope } from './job-names.js';

/**
 * The plugins' job port: every `ctx.jobs.enqueue` becomes an outbox row, never a direct queue call. Inside a core
 * use case's unit of work (`runInTransaction`) the row is written with that transaction, so the job runs only if
 * the change commits; outside one it is written on its own, so the enqueue still succeeds, durably, while Redis
 * is briefly down. The dispatcher is woken once the row is committed, so the job starts without waiting a poll.
 * The returned id is the outbox row's. Every plugin job is written as the one `PLUGIN_JOB` with the plugin's
 * qualified job name in its payload, so it never depends on which job names the queue knew at boot.
 */
export function createOutboxJobPort(options: {
  db: Kysely<Database>;
  /** Wakes the outbox dispatcher of this process (a no-op where it does not run). */
  wakeDispatcher: () => void;
}): PluginJobQueuePort {
  return {
    async enqueue(name, payload, enqueueOptions = {}) {
      const { delay, idempotencyKey } = enqueueOptions;
      const envelope: PluginJobEnvelope = { job: name, payload };
      const id = await writeOutbox(currentTransaction() ?? options.db, {
        jobName: PLUGIN_JOB,
        payload: envelope,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        // The dispatcher compares with the database's now(); a delay is relative to the real time, not a test clock.
        ...(delay ? { availableAt: new Date(Date.now() + delay) } : {}),
      });
      afterCommit(options.wakeDispatcher);
      return { id };
    },
  };
}
