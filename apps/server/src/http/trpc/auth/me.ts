import { publicProcedure } from '../trpc.js';
import { staffSelf } from './staff-self.js';

/** The signed-in staff member with their permissions, or null. */
export const me = publicProcedure.query(({ ctx }) => (ctx.staff ? staffSelf(ctx.staff) : null));
