import { router } from '../../trpc.js';
import { request } from './request.js';

/** Self-enrolment; the emailed link is the GET route `/portal/enrol/verify` (portal-login.routes.ts). */
export const portalEnrolRouter = router({ request });
