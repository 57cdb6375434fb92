import { publicProcedure } from '../trpc.js';

/** The signed-in staff member, or null. */
export const me = publicProcedure.query(({ ctx }) => {
  if (!ctx.staff) return null;
  const { id, email, name, role } = ctx.staff;
  return { id, email, name, role };
});
