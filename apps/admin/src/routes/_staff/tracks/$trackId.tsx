import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { LoadingState, PageHeader, TrackKindBadge } from '@warmpath/ui';
import { trpc } from '../../../api/trpc.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { EditTrackForm } from '../../../features/tracks/edit-track-form.js';
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
  const track = useQuery(trpc.admin.tracks.byId.queryOptions({ id: trackId }));
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
      <EditTrackForm track={track.data} />
    </>
  );
}
