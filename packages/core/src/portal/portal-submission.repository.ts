import type { Executor } from '../common/executor.js';

/** Claims a submission id for the participant; false when it was claimed before (by this or an earlier call). */
export async function claimSubmissionId(
  executor: Executor,
  row: { participant_id: string; submission_id: string; created_at: Date },
): Promise<boolean> {
  const inserted = await executor
    .insertInto('portal_submissions')
    .values(row)
    .onConflict((oc) => oc.columns(['participant_id', 'submission_id']).doNothing())
    .returning('submission_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The referral a claimed submission id produced: a string, null while in flight, undefined when unclaimed. */
export async function findSubmittedReferralId(
  executor: Executor,
  participantId: string,
  submissionId: string,
): Promise<string | null | undefined> {
  const row = await executor
    .selectFrom('portal_submissions')
    .select('referral_id')
    .where('participant_id', '=', participantId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
  return row === undefined ? undefined : row.referral_id;
}

export async function completeSubmission(
  executor: Executor,
  key: { participantId: string; submissionId: string },
  referralId: string,
): Promise<void> {
  await executor
    .updateTable('portal_submissions')
    .set({ referral_id: referralId })
    .where('participant_id', '=', key.participantId)
    .where('submission_id', '=', key.submissionId)
    .execute();
}

/** Releases a claim whose submission failed, so the person can fix the form and send it with the same id. */
export async function releaseSubmissionId(
  executor: Executor,
  key: { participantId: string; submissionId: string },
): Promise<void> {
  await executor
    .deleteFrom('portal_submissions')
    .where('participant_id', '=', key.participantId)
    .where('submission_id', '=', key.submissionId)
    .where('referral_id', 'is', null)
    .execute();
}
