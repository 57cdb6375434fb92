import { TRPCError } from '@trpc/server';
import { recordAudit } from '@warmpath/core';
import { z } from 'zod';
import { setStaffSessionCookie } from '../../session-cookies.js';
import { publicProcedure } from '../trpc.js';

/** Staff sign-in with email and password; sets the staff session cookie. */
export const signIn = publicProcedure
  .input(
    z
      .object({ email: z.string().trim().pipe(z.email().max(320)), password: z.string().min(1).max(1024) })
      .strict(),
  )
  .mutation(async ({ ctx, input }) => {
    const { users, sessions } = ctx.runtime.services;
    const user = await users.verifyCredentials(input.email, input.password);
    if (!user) {
      await recordAudit(ctx.runtime.database.db, {
        actor: { type: 'system', id: null },
        action: 'auth.sign_in_failed',
        target: { type: 'user', id: null },
        changes: { email: input.email.trim().toLowerCase() },
        ip: ctx.req.ip,
      });
      // One message for unknown email and wrong password: the answer must not reveal which accounts exist.
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });
    }
    const { token, session } = await sessions.createSession({ type: 'user', id: user.id });
    await recordAudit(ctx.runtime.database.db, {
      actor: { type: 'user', id: user.id },
      action: 'auth.signed_in',
      target: { type: 'user', id: user.id },
      ip: ctx.req.ip,
    });
    setStaffSessionCookie(ctx.runtime.config, ctx.res, token, session.expiresAt);
    return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  });
