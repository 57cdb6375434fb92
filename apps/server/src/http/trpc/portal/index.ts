import { router } from '../trpc.js';
import { me } from './me.js';
import { program } from './program.js';

export const portalRouter = router({ program, me });
