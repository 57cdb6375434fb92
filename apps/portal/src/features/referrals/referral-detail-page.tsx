import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buttonClassName, Card, EmptyState, KeyValueList, LoadingState, PageHeader } from '@warmpath/ui';
import { isNotFoundError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';
import { contactRoleLabel } from './contact-role.js';
import { formatDate, formatDateTime } from './format-date.js';
import { describeStage } from './referral-stage.js';
import { StageBadge } from './stage-badge.js';

const backToList = (
  <Link to="/referrals" className={buttonClassName({ variant: 'secondary' })}>
    Back to my referrals
  </Link>
);

/** One referral: its stage and what it means, the people introduced, and the stages it went through. */
export function ReferralDetailPage({
  referralId,
  isJustSubmitted = false,
}: {
  referralId: string;
  isJustSubmitted?: boolean;
}) {
  const referral = useQuery(trpc.portal.referrals.byId.queryOptions({ id: referralId }));
  if (referral.isPending) return <LoadingState label="Loading the referral…" />;
  if (referral.isError) {
    return isNotFoundError(referral.error) ? (
      <EmptyState
        headingLevel={1}
        title="Referral not found"
        description="This referral does not exist or is not one of yours."
        action={backToList}
      />
    ) : (
      <QueryErrorState headingLevel={1} title="The referral could not load" query={referral} />
    );
  }
  const { data } = referral;
  const stage = describeStage(data.status);
  // Newest first: the current stage leads, as on the list.
  const history = [...data.history].reverse();
  return (
    <>
      <PageHeader
        eyebrow="Referral"
        title={data.company.name}
        description={data.company.domain}
        actions={backToList}
      />
      {isJustSubmitted ? (
        <div className="portal-notice portal-notice--success" role="status">
          <strong>Thank you, your referral was submitted.</strong> We will keep you posted here as it moves
          along.
        </div>
      ) : null}
      <Card title="Where it stands">
        <div className="referral-stage">
          <StageBadge stage={data.status} />
          {stage.meaning ? <p>{stage.meaning}</p> : null}
        </div>
        <KeyValueList items={[{ label: 'Referred on', value: formatDate(data.createdAt) }]} />
      </Card>
      <Card title="People you introduced">
        <ul className="contact-list">
          {data.contacts.map((contact, index) => (
            // Contacts carry no id in the portal's projection; their order is fixed, so the index is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="contact-list__item">
              <span className="contact-list__name">{contact.name}</span>
              <span className="contact-list__role">{contactRoleLabel(contact.role)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="History">
        {history.length === 0 ? (
          <p className="portal-muted">No stages to show yet.</p>
        ) : (
          <ol className="stage-history" aria-label="Stages, newest first">
            {history.map((entry) => (
              <li key={`${entry.status}-${entry.at}`} className="stage-history__item">
                <StageBadge stage={entry.status} />
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
