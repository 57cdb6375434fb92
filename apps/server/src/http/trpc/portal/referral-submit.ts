import { portalSubmitReferralInputSchema } from '@warmpath/core';
import { participantProcedure } from '../trpc.js';

/**
 * Submits a guided referral as the signed-in participant, through the same path as the REST API (validation,
 * fraud rules, routing). Invalid fields come back as BAD_REQUEST with `data.issues` naming each field; a repeated
 * `submissionId` returns the first referral.
 */
export const submit = participantProcedure
  .input(portalSubmitReferralInputSchema)
  .mutation(({ ctx, input }) => {
    const userAgent = ctx.req.headers['user-agent'];
    return ctx.runtime.services.portalReferrals.submit(ctx.participant.id, input, {
      ip: ctx.req.ip,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
    });
  });
