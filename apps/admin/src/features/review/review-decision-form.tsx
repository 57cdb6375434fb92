import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormAlert, TextAreaField } from '@warmpath/ui';
import { useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { REVIEW_REASON_MAX_LENGTH, reviewReasonProblem } from './review-reason.js';

/** Approve or reject a held referral; either needs a reason, which goes into its history. */
export function ReviewDecisionForm({ referralId, companyName }: { referralId: string; companyName: string }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [isCheckShown, setIsCheckShown] = useState(false);
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.admin.review.list.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.referrals.pathKey() });
    },
  };
  const approve = useMutation(trpc.admin.review.approve.mutationOptions(options));
  const reject = useMutation(trpc.admin.review.reject.mutationOptions(options));
  const failed = approve.error ?? reject.error;
  const isBusy = approve.isPending || reject.isPending;
  const reasonProblem = isCheckShown ? reviewReasonProblem(reason) : undefined;

  function decide(decision: typeof approve | typeof reject) {
    setIsCheckShown(true);
    if (reviewReasonProblem(reason)) return;
    decision.mutate({ id: referralId, reason: reason.trim() });
  }

  return (
    <form
      className="form-stack"
      onSubmit={(event) => event.preventDefault()}
      aria-label={`Decide on ${companyName}`}
      noValidate
    >
      <TextAreaField
        label="Reason"
        hint="Required; kept in the referral's history."
        rows={2}
        maxLength={REVIEW_REASON_MAX_LENGTH}
        required
        error={reasonProblem}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {failed ? <FormAlert title="The decision was not saved">{describeError(failed)}</FormAlert> : null}
      <div className="button-row">
        <Button isLoading={approve.isPending} disabled={isBusy} onClick={() => decide(approve)}>
          Approve
        </Button>
        <Button
          variant="danger"
          isLoading={reject.isPending}
          disabled={isBusy}
          onClick={() => decide(reject)}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}
