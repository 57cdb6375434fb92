import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { BrandMark, Button, FormAlert, redirectSearchParam, SplashLayout, Stack } from '@warmpath/ui';
import { useState } from 'react';
import { ForgotPasswordCard } from '../features/auth/forgot-password-card.js';
import { SignInCard } from '../features/auth/sign-in-card.js';

/** Search parameters of the sign-in page: where to go back to afterwards, and why the person was sent here. */
interface SignInSearch {
  redirect?: string;
  /** `password-reset`: they just chose a new password from a reset link. */
  notice?: 'password-reset';
}

export const Route = createFileRoute('/sign-in')({
  // Never back to this page itself: that would only loop.
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    ...redirectSearchParam(search.redirect, { base: import.meta.env.BASE_URL, excludedPaths: ['/sign-in'] }),
    ...(search.notice === 'password-reset' ? { notice: 'password-reset' as const } : {}),
  }),
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
  const { redirect: redirectPath, notice } = Route.useSearch();
  const navigate = useNavigate();
  const [isForgotten, setIsForgotten] = useState(false);
  return (
    <SplashLayout brand={<BrandMark product="Admin" />}>
      {isForgotten ? (
        <ForgotPasswordCard onBack={() => setIsForgotten(false)} />
      ) : (
        <Stack gap={4}>
          {notice === 'password-reset' ? (
            <FormAlert tone="success">
              Your password is changed, and every device signed in to your account was signed out. Sign in
              with the new password.
            </FormAlert>
          ) : null}
          <SignInCard onSignedIn={() => void navigate({ href: redirectPath ?? '/', replace: true })} />
          <Button variant="ghost" onClick={() => setIsForgotten(true)}>
            Forgot password?
          </Button>
        </Stack>
      )}
    </SplashLayout>
  );
}
