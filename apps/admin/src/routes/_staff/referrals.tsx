import { createFileRoute } from '@tanstack/react-router';
import { ComingSoonPage } from '../../features/coming-soon/coming-soon-page.js';

export const Route = createFileRoute('/_staff/referrals')({
  head: () => ({ meta: [{ title: 'Referrals · Warmpath Admin' }] }),
  component: () => (
    <ComingSoonPage
      title="Referrals"
      icon="referrals"
      description="Every introduction your referrers make, from submission to closed deal."
      plannedCapabilities={[
        'Search and filter referrals by track, status, owner and referrer',
        'Open a referral to see its company, buying committee, answers and full history',
        'Move a referral through its stages with a reason, and reassign its owner',
      ]}
      meanwhile={
        <>
          Meanwhile, referrals can be created and read through the REST API at <code>/api/v1/referrals</code>.
        </>
      }
    />
  ),
});
