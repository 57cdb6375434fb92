import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@warmpath/ui';
import { PermissionRequired } from '../../../access/permission-required.js';
import { trpc } from '../../../api/trpc.js';
import { draftToInput, newTrackDraft } from '../../../features/tracks/track-draft.js';
import { TrackEditorForm } from '../../../features/tracks/track-editor-form.js';

export const Route = createFileRoute('/_staff/tracks/new')({
  head: () => ({ meta: [{ title: 'New track · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="tracks:write">
      <NewTrackPage />
    </PermissionRequired>
  ),
});

function NewTrackPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(
    trpc.admin.tracks.create.mutationOptions({
      onSuccess: async (track) => {
        await queryClient.invalidateQueries({ queryKey: trpc.admin.tracks.list.queryKey() });
        await navigate({ to: '/tracks/$trackId', params: { trackId: track.id } });
      },
    }),
  );
  return (
    <>
      <PageHeader
        eyebrow="Tracks"
        title="New track"
        description="Set up a lane of the program. Everything here can be changed later."
      />
      <TrackEditorForm
        initialDraft={newTrackDraft()}
        isNew
        submitLabel="Create track"
        isSaving={create.isPending}
        saveError={create.error}
        onSubmit={(draft) => {
          const { form, ...input } = draftToInput(draft);
          // Without questions of its own, a new track gets the server's standard B2B intake form.
          create.mutate(form && form.fields.length > 0 ? { ...input, form } : input);
        }}
      />
    </>
  );
}
