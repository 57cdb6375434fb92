import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { BrandMark, SplashLayout } from '@warmpath/ui';
import { ResetPasswordCard } from '../features/auth/reset-password-card.js';

/** Search parameters of the reset page: the token from the emailed link. */
interface ResetPasswordSearch {
  token: string;
}

/** Where an emailed password reset link leads (`/admin/reset-password?token=…`); outside the console frame. */
export const Route = createFileRoute('/reset-password')({
  validateSearch: (search: Record<string, unknown>): ResetPasswordSearch => ({
    token: typeof search.token === 'string' ? search.token.trim() : '',
  }),
  head: () => ({ meta: [{ title: 'Choose a new password · Warmpath Admin' }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { token } = Route.useSearch();
  const navigate = useNavigate();
  return (
    <SplashLayout brand={<BrandMark product="Admin" />}>
      <ResetPasswordCard
        token={token}
        onReset={() => void navigate({ to: '/sign-in', search: { notice: 'password-reset' }, replace: true })}
      />
    </SplashLayout>
  );
}
