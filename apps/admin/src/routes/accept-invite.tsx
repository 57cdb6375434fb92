import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { BrandMark, SplashLayout } from '@warmpath/ui';
import { AcceptInviteCard } from '../features/auth/accept-invite-card.js';

/** Search parameters of the invitation page: the token from the emailed link. */
interface AcceptInviteSearch {
  token: string;
}

/** Where an emailed staff invitation leads (`/admin/accept-invite?token=…`); outside the signed-in console frame. */
export const Route = createFileRoute('/accept-invite')({
  validateSearch: (search: Record<string, unknown>): AcceptInviteSearch => ({
    token: typeof search.token === 'string' ? search.token.trim() : '',
  }),
  head: () => ({ meta: [{ title: 'Accept your invitation · Warmpath Admin' }] }),
  component: AcceptInvitePage,
});

function AcceptInvitePage() {
  const { token } = Route.useSearch();
  const navigate = useNavigate();
  return (
    <SplashLayout brand={<BrandMark product="Admin" />}>
      <AcceptInviteCard token={token} onAccepted={() => void navigate({ to: '/', replace: true })} />
    </SplashLayout>
  );
}
