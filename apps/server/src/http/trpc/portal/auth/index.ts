import { router } from '../../trpc.js';
import { requestMagicLink } from './request-magic-link.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

/** Portal sign-in: magic link, password, sign-out. One-time login links are GET routes (portal-login.routes.ts). */
export const portalAuthRouter = router({ requestMagicLink, signIn, signOut });
