import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { BrandMark, redirectSearchParam, SplashLayout } from '@warmpath/ui';
import { SignInCard } from '../features/auth/sign-in-card.js';

/** Search parameters of the sign-in page: where to go back to afterwards. */
interface SignInSearch {
  redirect?: string;
}

export const Route = createFileRoute('/sign-in')({
  // Never back to this page itself: that would only loop.
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    redirectSearchParam(search.redirect, { base: import.meta.env.BASE_URL, excludedPaths: ['/sign-in'] }),
  beforeLoad: async ({ context, search }) => {
    // A failed look-up (server down) still shows the form; signing in will report the problem.
    const user = await context.queryClient
      .ensureQueryData(context.trpc.auth.me.queryOptions())
      .catch(() => null);
    if (user) throw redirect({ href: search.redirect ?? '/' });
  },
  head: () => ({ meta: [{ title: 'Sign in · Warmpath Admin' }] }),
  component: SignInPage,
});

function SignInPage() {
  const { redirect: redirectPath } = Route.useSearch();
  const navigate = useNavigate();
  return (
    <SplashLayout
      brand={<BrandMark product="Admin" />}
      footer={<>Forgot your password? Ask an owner or admin of this Warmpath installation to reset it.</>}
    >
      <SignInCard onSignedIn={() => void navigate({ href: redirectPath ?? '/', replace: true })} />
    </SplashLayout>
  );
}
