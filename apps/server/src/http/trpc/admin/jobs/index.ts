import { router } from '../../trpc.js';
import { jobSchedules } from './schedules.js';

/** `admin.jobs.*`: background jobs as staff see them (the "Scheduled jobs" page). */
export const adminJobsRouter = router({
  schedules: jobSchedules,
});
