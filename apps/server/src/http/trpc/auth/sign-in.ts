import { z } from 'zod';
import { enforceRateLimit } from '../../rate-limits.js';
import { setStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';
import { staffSelf } from './staff-self.js';

/**
 * Staff sign-in with email and password; sets the staff session cookie. Rate-limited per IP and per email; a wrong
 * password, an unknown email and a locked-out email all get the same UNAUTHORIZED answer (see StaffSignInService).
 */
export const signIn = publicProcedure
  .input(
    z
      .object({ email: z.string().trim().pipe(z.email().max(320)), password: z.string().min(1).max(1024) })
      .strict(),
  )
  .mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'auth.signIn', input.email);
    const { staffSignIn, sessions } = ctx.runtime.services;
    const user = await staffSignIn.signIn(input.email, input.password, { ip: ctx.req.ip });
    const { token, session } = await sessions.createSession({ type: 'user', id: user.id });
    setStaffSessionCookie(ctx.runtime.config, ctx.res, token, session.expiresAt);
    return { user: staffSelf(user) };
  });
