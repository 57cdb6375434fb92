import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Trpc } from '../../api/trpc.js';

/** One of my tracks as `portal.tracks.mine` sends it: link, counted clicks, referral count and share text. */
export type MyTrack = inferOutput<Trpc['portal']['tracks']['mine']>[number];
