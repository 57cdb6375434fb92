import { router } from '../trpc.js';
import { systemStatus } from './system-status.js';
import { adminTracksRouter } from './tracks/index.js';

export const adminRouter = router({
  system: router({ status: systemStatus }),
  tracks: adminTracksRouter,
});
