import { publicProcedure } from '../trpc.js';

/** The signed-in participant. Participant sign-in arrives with the accounts issue; until then nobody is signed in. */
export const me = publicProcedure.query(() => null);
