import { router } from '../../trpc.js';
import { dashboardSummary } from './summary.js';

/** `admin.dashboard.*`: the console's home page figures. */
export const adminDashboardRouter = router({ summary: dashboardSummary });
