import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Card, EmptyState, Icon, LoadingState, PageHeader } from '@warmpath/ui';
import { PermissionRequired } from '../../access/permission-required.js';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../features/errors/query-error-state.js';
import { JobSchedulesTable } from '../../features/jobs/job-schedules-table.js';

export const Route = createFileRoute('/_staff/jobs')({
  head: () => ({ meta: [{ title: 'Scheduled jobs · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="plugins:read">
      <ScheduledJobsPage />
    </PermissionRequired>
  ),
});

function ScheduledJobsPage() {
  const schedules = useQuery(trpc.admin.jobs.schedules.queryOptions());
  return (
    <>
      <PageHeader
        title="Scheduled jobs"
        description="Background jobs that run on a schedule, from Warmpath itself and from plugins."
      />
      <Card
        title="Schedules"
        description="Each tick runs once across all workers; a tick is skipped while the previous run is still going."
        isFlush
      >
        {schedules.isPending ? (
          <LoadingState label="Loading scheduled jobs…" />
        ) : schedules.isError ? (
          <QueryErrorState title="Scheduled jobs could not load" headingLevel={3} query={schedules} />
        ) : (
          <JobSchedulesTable
            schedules={schedules.data}
            empty={
              <EmptyState
                icon={<Icon name="clock" size={24} />}
                headingLevel={3}
                title="No scheduled jobs"
                description="Plugins declare schedules with ctx.jobs.schedule; none are loaded."
              />
            }
          />
        )}
      </Card>
    </>
  );
}
