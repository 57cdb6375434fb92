import { redirect } from '@tanstack/react-router';
import type { RouterContext } from '../../routes/__root.js';

/** The kinds of emailed or handed-over sign-in links, as the server names them. */
export type SignInLinkKind = 'login' | 'magic' | 'enrol';

/** Whom a link signs in. */
export interface SignInLinkHolder {
  name: string;
  email: string;
}

/** The search of a link's page: the token the link carries. */
export interface SignInLinkSearch {
  token?: string;
}

/** Where each kind of link's confirmation posts, under the portal's base: the link's own path. */
export const SIGN_IN_LINK_ACTIONS: Readonly<Record<SignInLinkKind, string>> = {
  login: 'login',
  magic: 'login/magic',
  enrol: 'enrol/verify',
};

export function validateSignInLinkSearch(search: Record<string, unknown>): SignInLinkSearch {
  return typeof search.token === 'string' && search.token !== '' ? { token: search.token } : {};
}

/**
 * Whom the link's token signs in, asked of the server without using the token. A link that no longer works (used,
 * expired, unknown, missing) goes to the sign-in page, which says so, as it did before links asked first.
 */
export async function loadSignInLink(
  context: RouterContext,
  kind: SignInLinkKind,
  token: string | undefined,
): Promise<SignInLinkHolder> {
  const holder = token
    ? await context.queryClient.fetchQuery({
        ...context.trpc.portal.auth.signInLink.queryOptions({ kind, token }),
        staleTime: 0,
      })
    : null;
  if (!holder) throw redirect({ to: '/sign-in', search: { login: 'expired' } });
  return holder;
}
