import { createFileRoute } from '@tanstack/react-router';
import { MyReferralsPage } from '../../features/referrals/my-referrals-page.js';

export const Route = createFileRoute('/_participant/referrals/')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.portal.referrals.list.queryOptions());
  },
  head: () => ({ meta: [{ title: 'My referrals · Referral program' }] }),
  component: MyReferralsPage,
});
