import { selfEnrolmentRequestInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../../rate-limits.js';
import { publicProcedure } from '../../trpc.js';

/**
 * Asks to join a track that allows self-enrolment: emails a 24-hour link that confirms the address, enrols and
 * signs in. Answers ok whether or not the address already takes part; an unknown track is NOT_FOUND, a track that
 * takes no sign-ups FORBIDDEN. Rate-limited per IP and per email.
 */
export const request = publicProcedure
  .input(selfEnrolmentRequestInputSchema)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'email-link', 'portal.enrol.request', input.email);
    await ctx.runtime.services.selfEnrolment.request(input, { ip: ctx.req.ip });
    return { ok: true as const };
  });
