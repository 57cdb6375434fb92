import { z } from 'zod';
import { enforceRateLimit } from '../../rate-limits.js';
import { publicProcedure } from '../trpc.js';

/**
 * Who an emailed invitation is for (email, name, role, until when), shown before the invitee chooses a password.
 * A link that would not be accepted gets the same BAD_REQUEST as `auth.acceptInvitation`; rate-limited like
 * sign-ins, so tokens cannot be tried in bulk.
 */
export const invitationPreview = publicProcedure
  .input(z.strictObject({ token: z.string().min(1).max(200) }))
  .query(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'auth.invitationPreview');
    return ctx.runtime.services.invitations.preview(input.token);
  });
