import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  buttonClassName,
  Card,
  EmptyState,
  formatDate,
  Icon,
  LoadingState,
  PageHeader,
  ReferralStageBadge,
} from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';

const newReferralLink = (
  <Link to="/referrals/new" className={buttonClassName({ variant: 'primary' })}>
    Refer a company
  </Link>
);

/**
 * The referrer's introductions, newest first, each with the stage the track lets them see. A list of cards rather
 * than a table: it reads the same on a phone.
 */
export function MyReferralsPage() {
  const referrals = useQuery(trpc.portal.referrals.list.queryOptions());
  return (
    <>
      <PageHeader
        title="My referrals"
        description="Every introduction you have made and where it stands."
        actions={newReferralLink}
      />
      {referrals.isPending ? (
        <LoadingState label="Loading your referrals…" />
      ) : referrals.isError ? (
        <QueryErrorState title="Your referrals could not load" query={referrals} />
      ) : referrals.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Icon name="referrals" size={24} />}
            title="No referrals yet"
            description="When you introduce a company, it appears here and you can follow its progress."
            action={newReferralLink}
          />
        </Card>
      ) : (
        <ul className="referral-list" aria-label="Referrals">
          {referrals.data.map((referral) => (
            <li key={referral.id} className="referral-list__item">
              <Link
                to="/referrals/$referralId"
                params={{ referralId: referral.id }}
                className="referral-list__link"
              >
                <span className="referral-list__company">{referral.company.name}</span>
                <span className="referral-list__meta">
                  {referral.contacts.length === 1 ? '1 contact' : `${referral.contacts.length} contacts`} ·
                  Referred {formatDate(referral.createdAt)}
                </span>
              </Link>
              <span className="referral-list__stage">
                <span className="wp-visually-hidden">Stage: </span>
                <ReferralStageBadge stage={referral.status} audience="referrer" />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
