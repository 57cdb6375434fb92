import { router } from '../trpc.js';
import { portalAccountRouter } from './account/index.js';
import { portalAuthRouter } from './auth/index.js';
import { portalEnrolRouter } from './enrol/index.js';
import { me } from './me.js';
import { program } from './program.js';
import { portalReferralsRouter } from './referrals.js';
import { portalTracksRouter } from './tracks/index.js';

export const portalRouter = router({
  program,
  me,
  auth: portalAuthRouter,
  account: portalAccountRouter,
  enrol: portalEnrolRouter,
  tracks: portalTracksRouter,
  referrals: portalReferralsRouter,
});
