import { createFileRoute, Link } from '@tanstack/react-router';
import {
  Card,
  EmptyState,
  formatDateTime,
  Icon,
  PageHeader,
  ReferralStageBadge,
  Skeleton,
} from '@warmpath/ui';
import { PermissionRequired } from '../../access/permission-required.js';
import { trpc } from '../../api/trpc.js';
import { useCursorPages } from '../../api/use-cursor-pages.js';
import { QueryErrorState } from '../../features/errors/query-error-state.js';
import { FraudFlagList, fraudScoreSummary } from '../../features/fraud/fraud-flag-list.js';
import { LoadMoreButton } from '../../features/lists/load-more-button.js';
import { ReviewDecisionForm } from '../../features/review/review-decision-form.js';

export const Route = createFileRoute('/_staff/review-queue')({
  head: () => ({ meta: [{ title: 'Review queue · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="referrals:review">
      <ReviewQueuePage />
    </PermissionRequired>
  ),
});

function ReviewQueuePage() {
  const queue = useCursorPages('all', (cursor) =>
    trpc.admin.review.list.queryOptions({ limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  const items = queue.pages.flatMap((page) => page.items);
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Referrals held by fraud rules, longest waiting first. Read why each was held, then approve or reject it."
      />
      {queue.isPending ? (
        <Card>
          <Skeleton lines={5} label="Loading the review queue…" />
        </Card>
      ) : queue.isError ? (
        <Card>
          <QueryErrorState title="The review queue could not load" query={queue} />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Icon name="review" size={24} />}
            title="Nothing to review"
            description="Referrals that fraud rules hold for a human appear here."
          />
        </Card>
      ) : (
        <ul className="review-list" aria-label="Held referrals">
          {items.map((item) => (
            <li key={item.id}>
              <Card
                title={
                  <Link to="/referrals/$referralId" params={{ referralId: item.id }}>
                    {item.company.name}
                  </Link>
                }
                description={`${item.track.name} · referred by ${item.participant.name} · ${formatDateTime(item.createdAt)}`}
                actions={<ReferralStageBadge stage={item.status} />}
              >
                <div className="review-item">
                  <div>
                    <p>
                      <strong>
                        Fraud {fraudScoreSummary(item.fraud.score, item.flags.length).toLowerCase()}
                      </strong>
                    </p>
                    <FraudFlagList flags={item.flags} />
                  </div>
                  <ReviewDecisionForm referralId={item.id} companyName={item.company.name} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={queue} />
    </>
  );
}
