import { createFileRoute } from '@tanstack/react-router';
import { AccountPage } from '../../features/account/account-page.js';

export const Route = createFileRoute('/_participant/account')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.portal.account.get.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Account · Referral program' }] }),
  component: AccountPage,
});
