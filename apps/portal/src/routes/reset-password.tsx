import { createFileRoute } from '@tanstack/react-router';
import { ResetPasswordPage } from '../features/sign-in/reset-password-page.js';
import { validateSignInLinkSearch } from '../features/sign-in/sign-in-link.js';

/** The page an emailed password reset link opens (`?token=`). */
export const Route = createFileRoute('/reset-password')({
  validateSearch: validateSignInLinkSearch,
  head: () => ({ meta: [{ title: 'Reset your password · Referral program' }] }),
  component: ResetPasswordRoute,
});

function ResetPasswordRoute() {
  const { token = '' } = Route.useSearch();
  return <ResetPasswordPage token={token} />;
}
