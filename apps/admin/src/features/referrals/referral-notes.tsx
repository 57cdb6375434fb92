import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormAlert, formatDateTime, TextAreaField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { useCan } from '../../access/use-can.js';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { ReferralDetail } from '../../api/types.js';

/** Internal notes (never shown to the referrer), oldest first, and a form to add one for roles that may. */
export function ReferralNotes({ referral }: { referral: ReferralDetail }) {
  const queryClient = useQueryClient();
  const canAddNotes = useCan('referrals:notes');
  const [body, setBody] = useState('');
  const addNote = useMutation(
    trpc.admin.referrals.addNote.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await queryClient.invalidateQueries({
          queryKey: trpc.admin.referrals.byId.queryKey({ id: referral.id }),
        });
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim()) addNote.mutate({ id: referral.id, body });
  }
  return (
    <div className="form-stack">
      {referral.notes.length === 0 ? (
        <p className="muted-text">No notes yet.</p>
      ) : (
        <ul className="note-list">
          {referral.notes.map((note) => (
            <li key={note.id} className="note-list__item">
              <p className="note-list__meta">
                {note.author.name} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
              </p>
              <p className="note-list__body">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canAddNotes ? (
        <form className="form-stack" onSubmit={submit} aria-label="Add an internal note">
          <TextAreaField
            label="New note"
            hint="Visible to staff only."
            rows={3}
            maxLength={10_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {addNote.isError ? (
            <FormAlert title="The note was not saved">{describeError(addNote.error)}</FormAlert>
          ) : null}
          <div>
            <Button type="submit" variant="secondary" isLoading={addNote.isPending} disabled={!body.trim()}>
              Add note
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
