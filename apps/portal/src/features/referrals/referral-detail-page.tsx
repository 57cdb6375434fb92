import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  buttonClassName,
  Card,
  contactRoleLabel,
  EmptyState,
  FormAlert,
  formatDate,
  formatDateTime,
  KeyValueList,
  LoadingState,
  PageHeader,
  ReferralStageBadge,
  referralStageMeaning,
} from '@warmpath/ui';
import { isNotFoundError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';

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
  const stageMeaning = referralStageMeaning(data.status);
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
        <FormAlert tone="success" title="Thank you, your referral was submitted.">
          We will keep you posted here as it moves along.
        </FormAlert>
      ) : null}
      <Card title="Where it stands">
        <div className="referral-stage">
          <ReferralStageBadge stage={data.status} audience="referrer" />
          {stageMeaning ? <p>{stageMeaning}</p> : null}
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
                <ReferralStageBadge stage={entry.status} audience="referrer" />
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
