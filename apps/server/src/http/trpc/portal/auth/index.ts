import { router } from '../../trpc.js';
import { requestMagicLink } from './request-magic-link.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { signIn } from './sign-in.js';
import { signInLink } from './sign-in-link.js';
import { signOut } from './sign-out.js';

/**
 * Portal sign-in: magic link, password, "forgot password" (`requestPasswordReset`, `resetPassword`), sign-out, and
 * `signInLink`, which names whom a link would sign in. Links are used by POST routes (portal-login.routes.ts) that
 * the link's confirmation page submits.
 */
export const portalAuthRouter = router({
  requestMagicLink,
  signIn,
  signInLink,
  signOut,
  requestPasswordReset,
  resetPassword,
});
