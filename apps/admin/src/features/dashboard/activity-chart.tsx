import { formatDate } from '@warmpath/ui';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardSummary } from '../../api/types.js';
import { pluralize } from '../../format/pluralize.js';

/** Buckets are whole UTC days: read them in UTC, or west of Greenwich every label is the day before. */
const inUtc = { timeZone: 'UTC' } as const;

/**
 * The period's last day: `to` is exclusive (midnight after the last day counted), so "to Dec 8" would name a day
 * the figures do not include.
 */
function lastDayOf(summary: DashboardSummary): Date {
  return new Date(Date.parse(summary.to) - 1);
}

/**
 * Referrals and clicks per day or week. The chart is a picture for sighted users; its figure caption states the
 * totals and the data table below it (collapsed) carries every number, for screen readers and for anyone.
 */
export function ActivityChart({ summary }: { summary: DashboardSummary }) {
  const referrals = summary.buckets.reduce((sum, bucket) => sum + bucket.referrals, 0);
  const clicks = summary.buckets.reduce((sum, bucket) => sum + bucket.clicks, 0);
  const rows = summary.buckets.map((bucket) => ({ ...bucket, label: formatDate(bucket.start, inUtc) }));
  return (
    <figure className="chart-figure">
      <figcaption className="chart-figure__caption">
        {pluralize(referrals, 'referral')} and {pluralize(clicks, 'link click')} from{' '}
        {formatDate(summary.from, inUtc)} to {formatDate(lastDayOf(summary), inUtc)}, by {summary.bucket}.
      </figcaption>
      <div className="chart-figure__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
            <Tooltip />
            <Legend />
            <Bar dataKey="referrals" name="Referrals" fill="#c2410c" />
            <Bar dataKey="clicks" name="Clicks" fill="#6d28d9" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-figure__data">
        <summary>Show the numbers</summary>
        <table className="wp-table">
          <caption className="wp-visually-hidden">Referrals and clicks by {summary.bucket}</caption>
          <thead>
            <tr>
              <th scope="col">{summary.bucket === 'week' ? 'Week of' : 'Day'}</th>
              <th scope="col">Referrals</th>
              <th scope="col">Clicks</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.start}>
                <th scope="row">{row.label}</th>
                <td>{row.referrals}</td>
                <td>{row.clicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
