import { CrmChangeSchema } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** Pushes one referral to one CRM connector (`CrmSyncEngine.pushReferral`). */
export const CRM_PUSH_JOB = 'crm.push';
/** Pulls one connector's change feed until it has no more (`CrmSyncEngine.pullChanges`). */
export const CRM_PULL_JOB = 'crm.pull';
/** Applies changes a connector reported out of band, e.g. through an inbound webhook (`CrmSyncEngine.applyChanges`). */
export const CRM_APPLY_CHANGES_JOB = 'crm.apply-changes';

/** Payload of {@link CRM_PUSH_JOB}. */
export const crmPushJobSchema = z.object({
  referralId: z.string().min(1).max(100),
  connectorKey: z.string().min(1).max(300),
  /** The domain event that asked for the push, for logs. */
  eventType: z.string().max(100).optional(),
});
export type CrmPushJob = z.infer<typeof crmPushJobSchema>;

/** Payload of {@link CRM_PULL_JOB}. */
export const crmPullJobSchema = z.object({ connectorKey: z.string().min(1).max(300) });
export type CrmPullJob = z.infer<typeof crmPullJobSchema>;

/** Payload of {@link CRM_APPLY_CHANGES_JOB}: what a webhook route enqueues after the connector parsed the request. */
export const crmApplyChangesJobSchema = z.object({
  connectorKey: z.string().min(1).max(300),
  changes: z.array(CrmChangeSchema).max(1000),
});
export type CrmApplyChangesJob = z.infer<typeof crmApplyChangesJobSchema>;

/** The changes a caller asks the engine to apply (validated; paths in errors start with `changes.`). */
export const applyCrmChangesInputSchema = z.object({ changes: z.array(CrmChangeSchema).max(1000) });

/** What was done with one CRM change. */
export const crmChangeOutcomeSchema = z.object({
  kind: z.enum(['opportunity', 'stage', 'contact_role']),
  /** `applied`: the referral moved; `recorded`: kept for later, nothing to do now; `refused`: it would corrupt history. */
  outcome: z.enum(['applied', 'recorded', 'refused']),
  referralId: z.string().nullable(),
  note: z.string().nullable(),
});
export type CrmChangeOutcome = z.infer<typeof crmChangeOutcomeSchema>;

/** What `applyChanges` did, change by change, with totals. */
export const crmApplyReportSchema = z.object({
  applied: z.number().int(),
  recorded: z.number().int(),
  refused: z.number().int(),
  changes: z.array(crmChangeOutcomeSchema),
});
export type CrmApplyReport = z.infer<typeof crmApplyReportSchema>;

/** What one pull did: pages read, where the cursor is now and what the changes did. */
export interface CrmPullReport {
  pages: number;
  cursor: string | null;
  report: CrmApplyReport;
}

/** The push state of a referral in one connector, as the engine reports it. */
export const crmSyncStateSchema = z.object({
  referralId: z.string(),
  connectorKey: z.string(),
  status: z.enum(['ok', 'failing']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastSyncedAt: z.iso.datetime().nullable(),
});
export type CrmSyncState = z.infer<typeof crmSyncStateSchema>;
