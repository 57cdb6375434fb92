import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Trpc } from '../../api/trpc.js';

/** A referral as its referrer sees it: stage, company, committee names and roles, visible history. */
export type PortalReferral = inferOutput<Trpc['portal']['referrals']['byId']>;
