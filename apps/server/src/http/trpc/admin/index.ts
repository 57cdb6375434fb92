import { router } from '../trpc.js';
import { adminApiKeysRouter } from './api-keys/index.js';
import { adminAuditRouter } from './audit/index.js';
import { adminDashboardRouter } from './dashboard/index.js';
import { adminJobsRouter } from './jobs/index.js';
import { adminParticipantsRouter } from './participants/index.js';
import { adminPluginsRouter } from './plugins/index.js';
import { adminReferralsRouter } from './referrals/index.js';
import { adminReviewRouter } from './review/index.js';
import { systemStatus } from './system-status.js';
import { adminTracksRouter } from './tracks/index.js';
import { adminUsersRouter } from './users/index.js';
import { adminWebhooksRouter } from './webhooks/index.js';

export const adminRouter = router({
  system: router({ status: systemStatus }),
  tracks: adminTracksRouter,
  audit: adminAuditRouter,
  dashboard: adminDashboardRouter,
  webhooks: adminWebhooksRouter,
  plugins: adminPluginsRouter,
  jobs: adminJobsRouter,
  participants: adminParticipantsRouter,
  referrals: adminReferralsRouter,
  review: adminReviewRouter,
  users: adminUsersRouter,
  apiKeys: adminApiKeysRouter,
});
