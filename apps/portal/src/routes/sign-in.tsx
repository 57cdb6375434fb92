import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { safeRedirectPath } from '../features/session/safe-redirect.js';
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
    const redirectPath = safeRedirectPath(search.redirect);
    return {
      ...(search.login === 'expired' ? { login: 'expired' } : {}),
      ...(redirectPath ? { redirect: redirectPath } : {}),
    };
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
