import { createFileRoute } from '@tanstack/react-router';
import { ReferralDetailPage } from '../../features/referrals/referral-detail-page.js';

/** `submitted` is set right after the referral was made, to thank the referrer. */
interface ReferralSearch {
  submitted?: boolean;
}

export const Route = createFileRoute('/_participant/referrals/$referralId')({
  validateSearch: (search: Record<string, unknown>): ReferralSearch =>
    search.submitted === true || search.submitted === 'true' ? { submitted: true } : {},
  loader: ({ context: { queryClient, trpc }, params }) => {
    void queryClient.prefetchQuery(trpc.portal.referrals.byId.queryOptions({ id: params.referralId }));
  },
  head: () => ({ meta: [{ title: 'Referral · Referral program' }] }),
  component: ReferralRoute,
});

function ReferralRoute() {
  const { referralId } = Route.useParams();
  const { submitted } = Route.useSearch();
  return <ReferralDetailPage referralId={referralId} isJustSubmitted={submitted === true} />;
}
