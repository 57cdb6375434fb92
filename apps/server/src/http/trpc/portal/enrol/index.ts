import { router } from '../../trpc.js';
import { join } from './join.js';
import { request } from './request.js';

/**
 * Self-enrolment: `request` for people not signed in (the emailed link is the GET route `/portal/enrol/verify` in
 * portal-login.routes.ts), `join` for a signed-in participant.
 */
export const portalEnrolRouter = router({ request, join });
