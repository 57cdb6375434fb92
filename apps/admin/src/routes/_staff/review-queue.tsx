import { createFileRoute } from '@tanstack/react-router';
import { ComingSoonPage } from '../../features/coming-soon/coming-soon-page.js';

export const Route = createFileRoute('/_staff/review-queue')({
  head: () => ({ meta: [{ title: 'Review queue · Warmpath Admin' }] }),
  component: () => (
    <ComingSoonPage
      title="Review queue"
      icon="review"
      description="Referrals waiting for a decision, oldest and closest to their SLA first."
      plannedCapabilities={[
        'Accept or reject submitted referrals, with a reason the referrer can see',
        'Check referrals held by fraud rules, with the evidence behind each flag',
        'Spot referrals about to miss their track’s review SLA',
      ]}
    />
  ),
});
