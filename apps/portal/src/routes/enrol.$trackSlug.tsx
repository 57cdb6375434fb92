import { createFileRoute } from '@tanstack/react-router';
import { EnrolPage } from '../features/enrol/enrol-page.js';

export const Route = createFileRoute('/enrol/$trackSlug')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.portal.program.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Join · Referral program' }] }),
  component: EnrolRoute,
});

function EnrolRoute() {
  const { trackSlug } = Route.useParams();
  return <EnrolPage trackSlug={trackSlug} />;
}
