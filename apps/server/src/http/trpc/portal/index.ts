import { router } from '../trpc.js';
import { me } from './me.js';
import { program } from './program.js';
import { portalReferralsRouter } from './referrals.js';

export const portalRouter = router({ program, me, referrals: portalReferralsRouter });
