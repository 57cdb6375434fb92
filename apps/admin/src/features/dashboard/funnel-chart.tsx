import { referralStageLabel } from '@warmpath/ui';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardSummary } from '../../api/types.js';

/** How many referrals reached each stage; the caption gives the overall conversion, the list every figure. */
export function FunnelChart({ summary }: { summary: DashboardSummary }) {
  const rows = summary.funnel.map((stage) => ({ ...stage, label: referralStageLabel(stage.stage) }));
  const submitted = rows[0]?.reached ?? 0;
  const won = rows.at(-1)?.reached ?? 0;
  const conversion = submitted > 0 ? Math.round((won / submitted) * 100) : null;
  return (
    <figure className="chart-figure">
      <figcaption className="chart-figure__caption">
        {conversion === null
          ? 'No referrals in this period yet.'
          : `${conversion}% of referrals submitted in this period were won.`}
      </figcaption>
      <div className="chart-figure__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows} layout="vertical" accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="reached" name="Reached" fill="#c2410c" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-figure__list">
        {rows.map((row) => (
          <li key={row.stage}>
            {row.label}: <strong>{row.reached}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
