import { dashboardQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** The dashboard: referrals and clicks over time, the funnel, time-to-accept against SLA, per-track totals. */
export const dashboardSummary = staffProcedure
  .meta({ permission: 'dashboard:read' })
  .input(dashboardQuerySchema)
  .query(({ ctx, input }) => ctx.runtime.services.dashboard.summary(input));
