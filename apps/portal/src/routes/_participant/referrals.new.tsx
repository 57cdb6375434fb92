import { createFileRoute } from '@tanstack/react-router';
import { NewReferralPage } from '../../features/new-referral/new-referral-page.js';

/** Search parameters of the new-referral page: the track to refer to, once chosen. */
interface NewReferralSearch {
  track?: string;
}

export const Route = createFileRoute('/_participant/referrals/new')({
  validateSearch: (search: Record<string, unknown>): NewReferralSearch =>
    typeof search.track === 'string' && /^[a-z0-9-]{1,64}$/.test(search.track) ? { track: search.track } : {},
  head: () => ({ meta: [{ title: 'New referral · Referral program' }] }),
  component: NewReferralRoute,
});

function NewReferralRoute() {
  const { track } = Route.useSearch();
  return <NewReferralPage trackSlug={track} />;
}
