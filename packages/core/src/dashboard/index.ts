export {
  DASHBOARD_BUCKETS,
  type DashboardBucket,
  type DashboardBucketCounts,
  type DashboardQuery,
  type DashboardSummary,
  dashboardQuerySchema,
  FUNNEL_STAGES,
  type FunnelStage,
  MAX_DASHBOARD_BUCKETS,
  type TimeToAccept,
  type TrackSummary,
} from './dashboard.schema.js';
export { DashboardService, type DashboardServiceDeps } from './dashboard.service.js';
