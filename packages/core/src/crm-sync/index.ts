export { applyCrmChanges, type CrmChangeActor } from './apply-crm-changes.js';
export {
  CRM_CHANGES_APPLIED_ACTION,
  type CrmPushOutcome,
  CrmSyncEngine,
  type CrmSyncEngineDeps,
  crmActor,
} from './crm-sync.engine.js';
export {
  applyCrmChangesInputSchema,
  CRM_APPLY_CHANGES_JOB,
  CRM_PULL_JOB,
  CRM_PUSH_JOB,
  type CrmApplyChangesJob,
  type CrmApplyReport,
  type CrmChangeOutcome,
  type CrmPullJob,
  type CrmPullReport,
  type CrmPushJob,
  type CrmSyncState,
  crmApplyChangesJobSchema,
  crmApplyReportSchema,
  crmChangeOutcomeSchema,
  crmPullJobSchema,
  crmPushJobSchema,
  crmSyncStateSchema,
} from './crm-sync.schema.js';
