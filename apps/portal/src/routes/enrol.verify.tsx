import { createFileRoute } from '@tanstack/react-router';
import { ContinueWithLinkPage } from '../features/sign-in/continue-with-link-page.js';
import { loadSignInLink, validateSignInLinkSearch } from '../features/sign-in/sign-in-link.js';

/** The page a self-enrolment's email verification link opens: "Continue as …?" before anything happens. */
export const Route = createFileRoute('/enrol/verify')({
  validateSearch: validateSignInLinkSearch,
  loaderDeps: ({ search }) => ({ token: search.token }),
  loader: ({ context, deps }) => loadSignInLink(context, 'enrol', deps.token),
  head: () => ({ meta: [{ title: 'Confirm your email · Referral program' }] }),
  component: LinkRoute,
});

function LinkRoute() {
  const holder = Route.useLoaderData();
  const { token = '' } = Route.useSearch();
  return <ContinueWithLinkPage kind="enrol" token={token} holder={holder} />;
}
