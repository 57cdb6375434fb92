import {
  CRM_APPLY_CHANGES_JOB,
  CRM_PULL_JOB,
  CRM_PUSH_JOB,
  type CrmPullReport,
  type CrmSyncEngine,
  crmApplyChangesJobSchema,
  crmPullJobSchema,
  crmPushJobSchema,
  NotFoundError,
  PluginCallError,
} from '@warmpath/core';
import {
  defineJob,
  type JobContext,
  type JobQueue,
  type RetryPolicy,
  type ScheduleOptions,
} from '@warmpath/jobs';
import { z } from 'zod';

export { CRM_APPLY_CHANGES_JOB, CRM_PULL_JOB, CRM_PUSH_JOB, crmApplyChangesJobSchema };

/**
 * Eight attempts, 30 s then 1, 2, 4… 32 minutes apart (about an hour): a CRM that is down for maintenance or
 * rate-limits us still gets the push; the referral's sync state shows `failing` with the error meanwhile.
 */
export const CRM_SYNC_RETRY_POLICY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

/** The scheduled job that starts a `crm.pull` of every loaded connector on each tick. */
export const CRM_POLL_JOB = 'crm.poll';

/** Options of {@link defineCrmSyncJobs}. */
export interface CrmSyncJobOptions {
  /** Overrides {@link CRM_SYNC_RETRY_POLICY} field by field (tests use short back-offs). */
  retry?: Partial<RetryPolicy> | undefined;
  /**
   * How often connectors are polled for changes (default every minute, with up to 5 s of jitter): CRM changes
   * reach Warmpath within about a minute even from a CRM that sends no webhooks.
   */
  poll?: Pick<ScheduleOptions, 'every' | 'cron' | 'jitterMs'> | undefined;
}

/**
 * Defines the CRM jobs (docs/plugins-crm-and-rewards-engines.md): `crm.push` (one referral to one connector;
 * written to the outbox by {@link CrmSyncEngine.schedulePushes} on referral events), `crm.pull` (one connector's
 * change feed; scheduling is the job scheduler's, see {@link enqueueCrmPulls}) and `crm.apply-changes` (changes an
 * inbound webhook carried). A failed plugin call is retried with back-off, except an invalid answer, which the
 * engine has recorded and a retry would only repeat.
 */
export function defineCrmSyncJobs(queue: JobQueue, engine: CrmSyncEngine, options: CrmSyncJobOptions = {}) {
  const retry: RetryPolicy = { ...CRM_SYNC_RETRY_POLICY, ...options.retry };
  queue.define(
    defineJob({
      name: CRM_PUSH_JOB,
      schema: crmPushJobSchema,
      retry,
      async handler({ referralId, connectorKey }, ctx) {
        await unlessFinal(ctx, async () => {
          const outcome = await engine.pushReferral(referralId, connectorKey);
          if (outcome.status === 'skipped') ctx.logger.info({ referralId, connectorKey }, outcome.reason);
        });
      },
    }),
  );
  queue.define(
    defineJob({
      name: CRM_PULL_JOB,
      schema: crmPullJobSchema,
      retry,
      // One pull per connector at a time would be better still; one at a time overall keeps cursors simple.
      concurrency: 1,
      async handler({ connectorKey }, ctx) {
        await unlessFinal(ctx, () => runCrmPull(engine, connectorKey));
      },
    }),
  );
  queue.define(
    defineJob({
      name: CRM_POLL_JOB,
      schema: z.object({}),
      handler: () => enqueueCrmPulls(queue, engine),
    }),
  );
  queue.schedule(CRM_POLL_JOB, options.poll ?? { every: '60s', jitterMs: 5_000 });
  queue.define(
    defineJob({
      name: CRM_APPLY_CHANGES_JOB,
      schema: crmApplyChangesJobSchema,
      retry,
      async handler({ connectorKey, changes }) {
        await engine.applyChanges(connectorKey, changes);
      },
    }),
  );
}

/** Runs one pull of a connector now (what a `crm.pull` job does); for schedulers and the CLI. */
export function runCrmPull(engine: CrmSyncEngine, connectorKey: string): Promise<CrmPullReport> {
  return engine.pullChanges(connectorKey);
}

/**
 * Enqueues a `crm.pull` for every loaded connector (what `crm.poll` does on each tick). A pull still waiting from
 * an earlier tick is not queued again, so a slow CRM never piles pulls up.
 */
export async function enqueueCrmPulls(queue: JobQueue, engine: CrmSyncEngine): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000);
  for (const connectorKey of engine.connectorKeys()) {
    await queue.enqueue(
      CRM_PULL_JOB,
      { connectorKey },
      { idempotencyKey: `crm.pull.${connectorKey}.${minute}` },
    );
  }
}

/**
 * Runs work; what a retry would only repeat ends the job with a log line: a plugin answer that does not validate
 * (the engine recorded it) or a connector that is no longer loaded (removed between deploys).
 */
async function unlessFinal(ctx: JobContext, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof PluginCallError && !error.retryable) {
      ctx.logger.warn({ plugin: error.implementationKey, failure: error.failure }, error.message);
      return;
    }
    if (error instanceof NotFoundError) {
      ctx.logger.warn({}, error.message);
      return;
    }
    throw error;
  }
}
