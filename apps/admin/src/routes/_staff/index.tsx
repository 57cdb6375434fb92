import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@warmpath/ui';
import { DemoDataNotice } from '../../features/dashboard/demo-data-notice.js';
import { ProgramActivityCard } from '../../features/dashboard/program-activity-card.js';
import { SystemStatusCard } from '../../features/dashboard/system-status-card.js';
import { TracksCard } from '../../features/tracks/tracks-card.js';

export const Route = createFileRoute('/_staff/')({
  loader: ({ context: { queryClient, trpc } }) => {
    // Start both requests together; each card shows its own loading and error state.
    void queryClient.prefetchQuery(trpc.admin.tracks.list.queryOptions());
    void queryClient.prefetchQuery(trpc.admin.system.status.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Dashboard · Warmpath Admin' }] }),
  component: DashboardPage,
});

function DashboardPage() {
  const { user } = Route.useRouteContext();
  const firstName = user.name.trim().split(/\s+/)[0];
  return (
    <>
      <PageHeader
        eyebrow="Dashboard"
        title={firstName ? `Welcome back, ${firstName}` : 'Welcome back'}
        description="Your referral program at a glance: its activity, its tracks and the installation that runs it."
      />
      <DemoDataNotice />
      <ProgramActivityCard />
      <div className="dashboard-grid">
        <TracksCard isCompact />
        <SystemStatusCard />
      </div>
    </>
  );
}
