import { staffProcedure } from '../../trpc.js';

/** Every staff account (never a password hash), by email. */
export const usersList = staffProcedure
  .meta({ permission: 'users:read' })
  .query(({ ctx }) => ctx.runtime.services.users.list());
