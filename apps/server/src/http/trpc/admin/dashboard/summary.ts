import { DashboardService, dashboardQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** The dashboard: referrals and clicks over time, the funnel, time-to-accept against SLA, per-track totals. */
export const dashboardSummary = staffProcedure
  .meta({ permission: 'dashboard:read' })
  .input(dashboardQuerySchema)
  .query(({ ctx, input }) =>
    // Stateless over the database, so built per call rather than held by the runtime.
    new DashboardService({ db: ctx.runtime.database.db, clock: ctx.runtime.clock }).summary(input),
  );
