import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, CheckboxField, Dialog, Fieldset, FormAlert, LoadingState, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { toggled } from '../../lib/toggled.js';

/** Props of {@link InviteParticipantDialog}. */
export interface InviteParticipantDialogProps {
  isOpen: boolean;
  onClose: () => void;
  onInvited: (participantId: string) => void;
}

/**
 * Invites a referrer: enrols them in the chosen tracks and emails them a one-time portal sign-in link. The
 * dialog keeps what was typed when the server refuses, and says why.
 */
export function InviteParticipantDialog({ isOpen, onClose, onInvited }: InviteParticipantDialogProps) {
  const queryClient = useQueryClient();
  const tracks = useQuery({ ...trpc.admin.tracks.list.queryOptions(), enabled: isOpen });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [trackIds, setTrackIds] = useState<string[]>([]);
  const invite = useMutation(
    trpc.admin.participants.invite.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.admin.participants.pathKey() });
        setName('');
        setEmail('');
        setTrackIds([]);
        onInvited(result.id);
      },
    }),
  );
  const formId = 'invite-participant-form';

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ name, email, trackIds });
  }

  const openTracks = (tracks.data ?? []).filter((track) => track.status !== 'archived');
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Invite a participant"
      description="They are enrolled in the tracks you choose and receive an email with a one-time sign-in link to the portal."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} isLoading={invite.isPending}>
            Send invitation
          </Button>
        </>
      }
    >
      <form id={formId} className="form-stack" onSubmit={submit} noValidate>
        <TextField
          label="Name"
          value={name}
          required
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          required
          autoComplete="off"
          onChange={(event) => setEmail(event.target.value)}
        />
        <Fieldset legend="Tracks">
          {tracks.isPending ? (
            <LoadingState label="Loading tracks…" />
          ) : tracks.isError ? (
            <FormAlert>{describeError(tracks.error)}</FormAlert>
          ) : openTracks.length === 0 ? (
            <p>Create a track first: participants refer through tracks.</p>
          ) : (
            openTracks.map((track) => (
              <CheckboxField
                key={track.id}
                label={track.name}
                checked={trackIds.includes(track.id)}
                onChange={(event) =>
                  setTrackIds((current) => toggled(current, track.id, event.target.checked))
                }
              />
            ))
          )}
        </Fieldset>
        {invite.isError ? (
          <FormAlert title="The invitation was not sent">{describeError(invite.error)}</FormAlert>
        ) : null}
      </form>
    </Dialog>
  );
}
