import { inviteParticipant, inviteParticipantInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Enrols a referrer in tracks and emails them a one-time portal login link (also "resend invitation"). */
export const participantInvite = staffProcedure
  .meta({ permission: 'participants:invite' })
  .input(inviteParticipantInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { runtime } = ctx;
    const { participant, created } = await inviteParticipant(
      {
        db: runtime.database.db,
        participants: runtime.services.participants,
        logins: runtime.services.participantLogins,
        mailer: runtime.mailer,
        publicUrl: runtime.config.PUBLIC_URL,
      },
      input,
      staffAuditContext(ctx),
    );
    return { id: participant.id, created };
  });
