import { useQuery } from '@tanstack/react-query';
import { Card, SelectField, Skeleton, Table } from '@warmpath/ui';
import { useState } from 'react';
import { trpc } from '../../api/trpc.js';
import { pluralize } from '../../format/pluralize.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { ActivityChart } from './activity-chart.js';
import { FunnelChart } from './funnel-chart.js';

const ranges = [
  { value: '30', label: 'Last 30 days', bucket: 'day' as const },
  { value: '90', label: 'Last 12 weeks', bucket: 'week' as const },
  { value: '365', label: 'Last 12 months', bucket: 'week' as const },
];

/** The program's activity over a chosen period: referrals and clicks over time, the funnel, and each track. */
export function ProgramActivityCard() {
  const [days, setDays] = useState('30');
  const range = ranges.find((candidate) => candidate.value === days) ?? ranges[0];
  // Whole days, so the query key (and its cache) stays the same for the day.
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const to = new Date(today.getTime() + 86_400_000);
  const from = new Date(to.getTime() - Number(days) * 86_400_000);
  const summary = useQuery(
    trpc.admin.dashboard.summary.queryOptions({
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: range?.bucket ?? 'day',
    }),
  );
  return (
    <Card
      title="Program activity"
      actions={
        <SelectField
          label="Period"
          value={days}
          options={ranges.map(({ value, label }) => ({ value, label }))}
          onChange={(event) => setDays(event.target.value)}
        />
      }
    >
      {summary.isPending ? (
        <Skeleton lines={6} label="Loading activity…" />
      ) : summary.isError ? (
        <QueryErrorState title="Activity could not load" headingLevel={3} query={summary} />
      ) : (
        <div className="form-stack">
          <div className="chart-grid">
            <section aria-labelledby="activity-heading">
              <h3 id="activity-heading" className="chart-heading">
                Referrals and clicks
              </h3>
              <ActivityChart summary={summary.data} />
            </section>
            <section aria-labelledby="funnel-heading">
              <h3 id="funnel-heading" className="chart-heading">
                Funnel
              </h3>
              <FunnelChart summary={summary.data} />
            </section>
          </div>
          <Table
            caption="Tracks in this period"
            rows={summary.data.tracks}
            rowKey={(track) => track.trackId}
            columns={[
              { id: 'track', header: 'Track', isRowHeader: true, cell: (track) => track.name },
              { id: 'referrals', header: 'Referrals', align: 'end', cell: (track) => track.referrals },
              { id: 'clicks', header: 'Clicks', align: 'end', cell: (track) => track.clicks },
              { id: 'won', header: 'Closed won', align: 'end', cell: (track) => track.closedWon },
              {
                id: 'accept',
                header: 'Median time to accept',
                align: 'end',
                cell: (track) =>
                  track.timeToAccept.medianHours === null
                    ? '—'
                    : pluralize(Math.round(track.timeToAccept.medianHours), 'hour'),
              },
              {
                id: 'sla',
                header: 'Accepted within SLA',
                align: 'end',
                cell: (track) =>
                  track.timeToAccept.shareWithinSla === null
                    ? '—'
                    : `${Math.round(track.timeToAccept.shareWithinSla * 100)}%`,
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
