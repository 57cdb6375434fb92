import type { QueryClient } from '@tanstack/react-query';
import { isSignedOutError } from '../../api/errors.js';
import type { Trpc } from '../../api/trpc.js';

/** What {@link sendSignedOutToSignIn} needs of the router. */
interface SignInNavigator {
  navigate: (options: { to: '/sign-in'; search: { redirect?: string } }) => Promise<void>;
  state: { location: { href: string; pathname: string } };
}

/**
 * When a session ends while a page is open (it expired, or was signed out in another tab), the next request is
 * refused with 401. Rather than leave error boxes on the page, forget who was signed in and go to sign in, with
 * the way back to the page.
 */
export function sendSignedOutToSignIn(
  queryClient: QueryClient,
  trpc: Trpc,
  router: SignInNavigator,
): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    if (!isSignedOutError(event.action.error)) return;
    const { href, pathname } = router.state.location;
    if (pathname.endsWith('/sign-in')) return;
    queryClient.setQueryData(trpc.portal.me.queryKey(), null);
    void router.navigate({ to: '/sign-in', search: { redirect: href } });
  });
}
