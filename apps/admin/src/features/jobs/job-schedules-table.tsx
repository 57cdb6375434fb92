import { Badge, formatDateTime, Table } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { JobSchedule } from '../../api/types.js';
import { describeInterval, describeOwner } from './describe-schedule.js';

/** Props of {@link JobSchedulesTable}. */
export interface JobSchedulesTableProps {
  schedules: ReadonlyArray<JobSchedule>;
  empty: ReactNode;
}

function LastRun({ schedule }: { schedule: JobSchedule }) {
  if (schedule.lastRunAt === null) return <span className="muted">Not run yet</span>;
  return (
    <span className="badge-list">
      {formatDateTime(schedule.lastRunAt)}
      {schedule.lastResult === 'ok' ? <Badge tone="success">OK</Badge> : <Badge tone="danger">Failed</Badge>}
    </span>
  );
}

/** Every scheduled job: who owns it, how often it runs, its last run (and error) and its next tick. */
export function JobSchedulesTable({ schedules, empty }: JobSchedulesTableProps) {
  return (
    <Table
      caption="Scheduled jobs"
      isCaptionHidden
      rows={schedules}
      rowKey={(schedule) => schedule.name}
      empty={empty}
      columns={[
        {
          id: 'name',
          header: 'Job',
          isRowHeader: true,
          cell: (schedule) => (
            <code>{schedule.owner.kind === 'plugin' ? schedule.owner.job : schedule.name}</code>
          ),
        },
        { id: 'owner', header: 'Owner', cell: (schedule) => describeOwner(schedule.owner) },
        { id: 'interval', header: 'Runs', cell: (schedule) => describeInterval(schedule) },
        { id: 'last-run', header: 'Last run', cell: (schedule) => <LastRun schedule={schedule} /> },
        {
          id: 'next-run',
          header: 'Next run',
          cell: (schedule) =>
            schedule.nextRunAt === null ? (
              <span className="muted">No worker running</span>
            ) : (
              formatDateTime(schedule.nextRunAt)
            ),
        },
        {
          id: 'last-error',
          header: 'Last error',
          cell: (schedule) => schedule.lastError ?? <span className="muted">None</span>,
        },
      ]}
    />
  );
}
