import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormAlert, referralStageLabel, SelectField, TextAreaField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { ReferralDetail } from '../../api/types.js';

type ReferralStatus = ReferralDetail['status'];

/** Moves a referral to one of the stages its lifecycle allows next, with an optional reason for the history. */
export function ReferralTransitionForm({ referral }: { referral: ReferralDetail }) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState<ReferralStatus | ''>(referral.allowedTransitions[0] ?? '');
  const [reason, setReason] = useState('');
  const transition = useMutation(
    trpc.admin.referrals.transition.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.admin.referrals.byId.queryKey({ id: referral.id }), updated);
        setReason('');
        setTo(updated.allowedTransitions[0] ?? '');
        await queryClient.invalidateQueries({ queryKey: trpc.admin.referrals.list.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.admin.referrals.board.pathKey() });
      },
    }),
  );

  // The server says when this person may not move the referral now (a fraud hold, another rep's referral), and why.
  if (referral.moveRefusal) {
    return (
      <FormAlert tone="info" title="You cannot move this referral">
        {referral.moveRefusal}.
      </FormAlert>
    );
  }
  if (referral.allowedTransitions.length === 0) {
    return <p className="muted-text">This referral is closed; its stage no longer changes.</p>;
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    transition.mutate({ id: referral.id, to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }
  return (
    <form className="form-stack" onSubmit={submit} aria-label="Move referral">
      <SelectField
        label="Move to"
        value={to}
        options={referral.allowedTransitions.map((stage) => ({
          value: stage,
          label: referralStageLabel(stage),
        }))}
        onChange={(event) => setTo(event.target.value as ReferralStatus)}
      />
      <TextAreaField
        label="Reason"
        hint="Optional; kept in the history."
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {transition.isError ? (
        <FormAlert title="The referral did not move">{describeError(transition.error)}</FormAlert>
      ) : null}
      <div>
        <Button type="submit" isLoading={transition.isPending}>
          Move referral
        </Button>
      </div>
    </form>
  );
}
