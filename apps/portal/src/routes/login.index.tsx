import { createFileRoute } from '@tanstack/react-router';
import { ContinueWithLinkPage } from '../features/sign-in/continue-with-link-page.js';
import { loadSignInLink, validateSignInLinkSearch } from '../features/sign-in/sign-in-link.js';

/** The page a one-time login link opens (API or console): "Continue as …?" before anything happens. */
export const Route = createFileRoute('/login/')({
  validateSearch: validateSignInLinkSearch,
  loaderDeps: ({ search }) => ({ token: search.token }),
  loader: ({ context, deps }) => loadSignInLink(context, 'login', deps.token),
  head: () => ({ meta: [{ title: 'Sign in · Referral program' }] }),
  component: LinkRoute,
});

function LinkRoute() {
  const holder = Route.useLoaderData();
  const { token = '' } = Route.useSearch();
  return <ContinueWithLinkPage kind="login" token={token} holder={holder} />;
}
