import { participantProcedure } from '../../trpc.js';

/** The signed-in participant's account page: who they are and whether they have set a password. */
export const get = participantProcedure.query(async ({ ctx }) => {
  const { id, email, name } = ctx.participant;
  return { email, name, hasPassword: await ctx.runtime.services.portalAccounts.hasPassword(id) };
});
