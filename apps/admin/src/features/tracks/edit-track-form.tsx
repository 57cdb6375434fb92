import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormAlert } from '@warmpath/ui';
import { useState } from 'react';
import { useCan } from '../../access/use-can.js';
import { trpc } from '../../api/trpc.js';
import type { Track } from '../../api/types.js';
import { trackChanges, trackToDraft } from './track-draft.js';
import { TrackEditorForm } from './track-editor-form.js';

/** The editor of an existing track: it saves only the settings the person changed. */
export function EditTrackForm({ track }: { track: Track }) {
  const queryClient = useQueryClient();
  const canChange = useCan('tracks:write');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const update = useMutation(
    trpc.admin.tracks.update.mutationOptions({
      onSuccess: async (saved) => {
        setSavedAt(new Date());
        queryClient.setQueryData(trpc.admin.tracks.byId.queryKey({ id: track.id }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.tracks.list.queryKey() });
      },
    }),
  );
  // The track as loaded (or as last saved): what "changed" is measured against.
  const initialDraft = trackToDraft(track);
  return (
    <>
      {savedAt && !update.isError ? <FormAlert tone="success">Changes saved.</FormAlert> : null}
      <TrackEditorForm
        // A fresh form per track; while saving, the form keeps its own state.
        key={track.id}
        initialDraft={initialDraft}
        isNew={false}
        isReadOnly={!canChange}
        submitLabel="Save changes"
        isSaving={update.isPending}
        saveError={update.error}
        // Only what the person changed: a setting changed meanwhile by someone else stays as they set it.
        onSubmit={(draft) => update.mutate({ id: track.id, changes: trackChanges(initialDraft, draft) })}
      />
    </>
  );
}
