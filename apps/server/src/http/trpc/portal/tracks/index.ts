import { router } from '../../trpc.js';
import { mine } from './mine.js';

export const portalTracksRouter = router({ mine });
