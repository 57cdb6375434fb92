import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { FormAlert, LoadingState, PageHeader, TrackKindBadge } from '@warmpath/ui';
import { useState } from 'react';
import { trpc } from '../../../api/trpc.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { draftToInput, trackToDraft } from '../../../features/tracks/track-draft.js';
import { TrackEditorForm } from '../../../features/tracks/track-editor-form.js';
import { TrackStatusActions } from '../../../features/tracks/track-status-actions.js';
import { TrackStatusBadge } from '../../../features/tracks/track-status-badge.js';

export const Route = createFileRoute('/_staff/tracks/$trackId')({
  loader: ({ context: { queryClient, trpc }, params }) => {
    void queryClient.prefetchQuery(trpc.admin.tracks.byId.queryOptions({ id: params.trackId }));
  },
  head: () => ({ meta: [{ title: 'Edit track · Warmpath Admin' }] }),
  component: EditTrackPage,
});

function EditTrackPage() {
  const { trackId } = Route.useParams();
  const queryClient = useQueryClient();
  const track = useQuery(trpc.admin.tracks.byId.queryOptions({ id: trackId }));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const update = useMutation(
    trpc.admin.tracks.update.mutationOptions({
      onSuccess: async (saved) => {
        setSavedAt(new Date());
        queryClient.setQueryData(trpc.admin.tracks.byId.queryKey({ id: trackId }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.tracks.list.queryKey() });
      },
    }),
  );

  if (track.isPending) return <LoadingState label="Loading track…" isFullPage />;
  if (track.isError) {
    return <QueryErrorState title="This track could not load" headingLevel={1} query={track} isFullPage />;
  }
  return (
    <>
      <PageHeader
        eyebrow="Tracks"
        title={track.data.name}
        description={
          <span className="badge-row">
            <TrackKindBadge kind={track.data.kind} />
            <TrackStatusBadge status={track.data.status} />
            <code>{track.data.slug}</code>
          </span>
        }
        actions={<TrackStatusActions track={track.data} />}
      />
      {savedAt && !update.isError ? <FormAlert tone="success">Changes saved.</FormAlert> : null}
      <TrackEditorForm
        // A fresh form per loaded track; while saving, the form keeps its own state.
        key={track.data.id}
        initialDraft={trackToDraft(track.data)}
        isNew={false}
        submitLabel="Save changes"
        isSaving={update.isPending}
        saveError={update.error}
        onSubmit={(draft) => update.mutate({ id: trackId, changes: draftToInput(draft) })}
      />
    </>
  );
}
