import { router } from '../trpc.js';
import { systemStatus } from './system-status.js';
import { tracksList } from './tracks-list.js';

export const adminRouter = router({
  system: router({ status: systemStatus }),
  tracks: router({ list: tracksList }),
});
