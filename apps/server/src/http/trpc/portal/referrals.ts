import { z } from 'zod';
import { participantProcedure, router } from '../trpc.js';
import { formFor } from './referral-form-for.js';
import { submit } from './referral-submit.js';

/**
 * The signed-in participant's own referrals, in the portal's shape: stages the track hides are reported as the
 * last visible one, and nothing internal (deal amounts, owner, notes, fraud evidence) is in it.
 */
const list = participantProcedure.query(({ ctx }) =>
  ctx.runtime.services.referrals.listForParticipant(ctx.participant.id),
);

/** One of the participant's referrals; anyone else's is NOT_FOUND, exactly like an id that does not exist. */
const byId = participantProcedure
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .query(({ ctx, input }) => ctx.runtime.services.referrals.getForParticipant(ctx.participant.id, input.id));

export const portalReferralsRouter = router({ list, byId, formFor, submit });
