import { writeOutbox } from '@warmpath/jobs';
import type { CrmChange, RewardStatusReport } from '@warmpath/plugin-sdk';
import type { Executor } from '../common/executor.js';
import { CRM_APPLY_CHANGES_JOB, type CrmApplyChangesJob } from '../crm-sync/crm-sync.schema.js';
import {
  REWARDS_APPLY_STATUS_JOB,
  type RewardsApplyStatusJob,
} from '../reward-payouts/reward-payout.schema.js';

/**
 * Where the results of accepted plugin webhooks go. Called inside the transaction that remembers the delivery
 * id, so a result is handed on exactly when its delivery is recorded.
 */
export interface WebhookResultSink {
  /** Changes a CRM connector's webhook carried (`connectorKey` = `crm:<plugin>:<instance>:<name>`). */
  crmChanges(connectorKey: string, changes: CrmChange[]): Promise<void>;
  /** Status updates a reward provider's webhook carried (`providerKey` = `rewards:<plugin>:<instance>:<name>`). */
  rewardUpdates(providerKey: string, updates: RewardStatusReport[]): Promise<void>;
}

/** Builds the sink for one transaction. */
export type WebhookResultSinkFactory = (executor: Executor) => WebhookResultSink;

/**
 * The default sink: one outbox row per delivery, for `crm.apply-changes` / `rewards.apply-status` (a delivery is
 * applied once already, by its remembered id). The jobs run in workers like every side effect
 * (docs/architecture.md "The outbox flow"); until a process defines them, the dispatcher leaves the rows waiting.
 */
export function outboxWebhookResultSink(executor: Executor): WebhookResultSink {
  return {
    async crmChanges(connectorKey, changes) {
      const payload: CrmApplyChangesJob = { connectorKey, changes };
      await writeOutbox(executor, { jobName: CRM_APPLY_CHANGES_JOB, payload });
    },
    async rewardUpdates(providerKey, updates) {
      const payload: RewardsApplyStatusJob = { providerKey, updates };
      await writeOutbox(executor, { jobName: REWARDS_APPLY_STATUS_JOB, payload });
    },
  };
}
