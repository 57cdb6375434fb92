import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { redirectSearchParam } from '@warmpath/ui';
import { SignInPage } from '../features/sign-in/sign-in-page.js';

/** Search parameters of the sign-in page. */
interface SignInSearch {
  /** Set by the server when a login or magic link was used, expired or unknown. */
  login?: 'expired';
  /** The portal page to return to. */
  redirect?: string;
}

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    // Never back to this page itself: that would only loop.
    const returnTo = redirectSearchParam(search.redirect, {
      base: import.meta.env.BASE_URL,
      excludedPaths: ['/sign-in'],
    });
    // Every key is set, even to undefined: the router merges this over the raw query, so a key left out keeps
    // whatever was typed into the address.
    return { login: search.login === 'expired' ? 'expired' : undefined, ...returnTo };
  },
  beforeLoad: async ({ context, search }) => {
    // A failed look-up (server down) still shows the form; signing in will report the problem.
    const participant = await context.queryClient
      .ensureQueryData(context.trpc.portal.me.queryOptions())
      .catch(() => null);
    if (participant) throw redirect({ href: search.redirect ?? '/' });
  },
  head: () => ({ meta: [{ title: 'Sign in · Referral program' }] }),
  component: SignInRoute,
});

function SignInRoute() {
  const search = Route.useSearch();
  const navigate = useNavigate();
  return (
    <SignInPage
      isLinkExpired={search.login === 'expired'}
      onSignedIn={() => void navigate({ href: search.redirect ?? '/', replace: true })}
    />
  );
}
