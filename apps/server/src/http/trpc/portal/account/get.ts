import { participantProcedure } from '../../trpc.js';

/** The signed-in participant's account page: who they are, their company, and whether they have set a password. */
export const get = participantProcedure.query(async ({ ctx }) => {
  const { id, email, name } = ctx.participant;
  const { participants, portalAccounts } = ctx.runtime.services;
  const [participant, hasPassword] = await Promise.all([
    participants.findPortalParticipant(id),
    portalAccounts.hasPassword(id),
  ]);
  return { email, name, company: participant?.company ?? null, hasPassword };
});
