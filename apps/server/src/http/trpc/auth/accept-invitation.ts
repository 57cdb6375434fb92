import { acceptInvitationInputSchema } from '@warmpath/core';
import { enforceRateLimit } from '../../rate-limits.js';
import { setStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';
import { staffSelf } from './staff-self.js';

/** Accepts an emailed invitation: creates the account with the chosen password and signs it in. */
export const acceptInvitation = publicProcedure
  .input(acceptInvitationInputSchema)
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'auth.acceptInvitation');
    const { invitations, sessions } = ctx.runtime.services;
    const user = await invitations.accept(input, { ip: ctx.req.ip });
    const { token, session } = await sessions.createSession({ type: 'user', id: user.id });
    setStaffSessionCookie(ctx.runtime.config, ctx.res, token, session.expiresAt);
    return { user: staffSelf(user) };
  });
