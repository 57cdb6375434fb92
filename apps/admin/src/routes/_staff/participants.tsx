import { createFileRoute } from '@tanstack/react-router';
import { ComingSoonPage } from '../../features/coming-soon/coming-soon-page.js';

export const Route = createFileRoute('/_staff/participants')({
  head: () => ({ meta: [{ title: 'Participants · Warmpath Admin' }] }),
  component: () => (
    <ComingSoonPage
      title="Participants"
      icon="participants"
      description="The clients, partners and employees enrolled as referrers."
      plannedCapabilities={[
        'Invite referrers and enrol them in tracks',
        'See each referrer’s links, clicks, referrals and rewards',
        'Send a one-time sign-in link to the portal',
      ]}
      meanwhile={
        <>
          Meanwhile, participants can be enrolled through the REST API at <code>/api/v1/participants</code>.
        </>
      }
    />
  ),
});
