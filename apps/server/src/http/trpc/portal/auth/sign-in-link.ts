import { z } from 'zod';
import { enforceRateLimit } from '../../../rate-limits.js';
import { peekSignInLink, signInLinkKindSchema } from '../../../sign-in-links.js';
import { publicProcedure } from '../../trpc.js';

/**
 * Whom an emailed or handed-over sign-in link would sign in (`{ name, email }`), for the page that asks "Continue as
 * …?" before anything happens; null when the link no longer works (used, expired, unknown). Uses nothing: the page's
 * button posts the token to the link's path (portal-login.routes.ts). Rate-limited per IP like sign-in.
 */
export const signInLink = publicProcedure
  .input(z.strictObject({ kind: signInLinkKindSchema, token: z.string().max(200) }))
  .query(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, 'sign-in', 'portal.auth.signInLink');
    return peekSignInLink(ctx.runtime.services, input.kind, input.token);
  });
