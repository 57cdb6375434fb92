import { createFileRoute, Link } from '@tanstack/react-router';
import { buttonClassName, PageHeader } from '@warmpath/ui';
import { Can } from '../../../access/can.js';
import { TracksCard } from '../../../features/tracks/tracks-card.js';

export const Route = createFileRoute('/_staff/tracks/')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.admin.tracks.list.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Tracks · Warmpath Admin' }] }),
  component: TracksPage,
});

function TracksPage() {
  return (
    <>
      <PageHeader
        title="Tracks"
        description="Each track is one lane of the program: who refers (clients, partners, employees), where their links lead, how referrals are accepted and how long credit lasts."
        actions={
          <Can permission="tracks:write">
            <Link to="/tracks/new" className={buttonClassName()}>
              New track
            </Link>
          </Can>
        }
      />
      <TracksCard />
    </>
  );
}
