import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import {
  Badge,
  Button,
  Card,
  contactRoleLabel,
  EmptyState,
  FormAlert,
  formatDateTime,
  KeyValueList,
  LoadingState,
  PageHeader,
  ReferralStageBadge,
  SelectField,
  Table,
} from '@warmpath/ui';
import { Can } from '../../../access/can.js';
import { useCan } from '../../../access/use-can.js';
import { describeError } from '../../../api/errors.js';
import { trpc } from '../../../api/trpc.js';
import type { ReferralDetail } from '../../../api/types.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { FraudFlagList, fraudScoreSummary } from '../../../features/fraud/fraud-flag-list.js';
import { ReferralHistory } from '../../../features/referrals/referral-history.js';
import { ReferralNotes } from '../../../features/referrals/referral-notes.js';
import { ReferralTransitionForm } from '../../../features/referrals/referral-transition-form.js';

export const Route = createFileRoute('/_staff/referrals/$referralId')({
  loader: ({ context: { queryClient, trpc }, params }) => {
    void queryClient.prefetchQuery(trpc.admin.referrals.byId.queryOptions({ id: params.referralId }));
  },
  head: () => ({ meta: [{ title: 'Referral · Warmpath Admin' }] }),
  component: ReferralPage,
});

function ReferralPage() {
  const { referralId } = Route.useParams();
  const referral = useQuery(trpc.admin.referrals.byId.queryOptions({ id: referralId }));
  if (referral.isPending) return <LoadingState label="Loading referral…" isFullPage />;
  if (referral.isError) {
    return (
      <QueryErrorState title="This referral could not load" headingLevel={1} query={referral} isFullPage />
    );
  }
  const data = referral.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/referrals">Referrals</Link>}
        title={data.company.name}
        description={
          <span className="badge-row">
            <ReferralStageBadge stage={data.status} />
            <span>{data.company.domain}</span>
            <span>· {data.track.name}</span>
          </span>
        }
      />
      <div className="detail-grid">
        <div className="detail-grid__main">
          <Card title="Buying committee" isFlush>
            <Table
              caption="Buying committee"
              isCaptionHidden
              rows={data.contacts}
              rowKey={(contact) => contact.id}
              empty={<EmptyState headingLevel={3} title="No contacts" />}
              columns={[
                { id: 'name', header: 'Name', isRowHeader: true, cell: (contact) => contact.name },
                { id: 'role', header: 'Role', cell: (contact) => contactRoleLabel(contact.role) },
                {
                  id: 'title',
                  header: 'Title',
                  hideOnSmallScreens: true,
                  cell: (contact) => contact.title ?? '—',
                },
                { id: 'email', header: 'Email', cell: (contact) => contact.email },
              ]}
            />
          </Card>
          <Card title="Answers">
            {data.answers.length === 0 && !data.note ? (
              <p className="muted-text">The referrer answered no questions.</p>
            ) : (
              <KeyValueList
                items={[
                  ...data.answers.map((answer) => ({
                    label: answer.label,
                    value: formatAnswer(answer.value),
                  })),
                  ...(data.note ? [{ label: 'Referrer’s note', value: data.note }] : []),
                ]}
              />
            )}
          </Card>
          <Card title="History">
            <ReferralHistory history={data.history} />
          </Card>
          <Card title="Internal notes" description="Only staff see these.">
            <ReferralNotes referral={data} />
          </Card>
        </div>
        <div className="detail-grid__side">
          <Can permission="referrals:write">
            <Card title="Stage">
              <ReferralTransitionForm referral={data} />
            </Card>
          </Can>
          <Card title="Details">
            <KeyValueList
              items={[
                {
                  label: 'Referrer',
                  value: (
                    <Link to="/participants/$participantId" params={{ participantId: data.participant.id }}>
                      {data.participant.name}
                    </Link>
                  ),
                },
                // The company is shared by domain; the referrer may have named it otherwise.
                ...(data.company.submittedName !== data.company.name
                  ? [{ label: 'Referrer named it', value: data.company.submittedName }]
                  : []),
                { label: 'Owner', value: <OwnerControl referral={data} /> },
                { label: 'Submitted', value: formatDateTime(data.createdAt) },
                {
                  label: 'Review due',
                  // The badge stays short (badges never wrap); the moment goes beside it as plain text.
                  value: data.slaBreachedAt ? (
                    <span className="stacked-cell">
                      <Badge tone="danger">Breached</Badge>
                      <span>{formatDateTime(data.slaBreachedAt)}</span>
                    </span>
                  ) : data.slaDueAt ? (
                    formatDateTime(data.slaDueAt)
                  ) : (
                    '—'
                  ),
                },
                ...(data.duplicateOfId
                  ? [
                      {
                        label: 'Possible duplicate of',
                        value: (
                          <Link to="/referrals/$referralId" params={{ referralId: data.duplicateOfId }}>
                            an earlier referral
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <FraudCard fraud={data.fraud} />
        </div>
      </div>
    </>
  );
}

function formatAnswer(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The owner: for roles that may assign referrals, a choice of staff accounts (or "Assign to me" when the list does
 * not load); for the others, just the name. The server decides who may own a referral, and says why when it
 * refuses.
 */
function OwnerControl({ referral }: { referral: ReferralDetail }) {
  if (!useCan('referrals:assign')) return <>{referral.owner?.name ?? 'Unassigned'}</>;
  return <OwnerChoice referral={referral} />;
}

function OwnerChoice({ referral }: { referral: ReferralDetail }) {
  const { user } = Route.useRouteContext();
  const queryClient = useQueryClient();
  // Who may own a referral is the server's rule (roles that can move referrals, enabled accounts): offering anyone
  // else would only earn a refusal.
  const owners = useQuery({ ...trpc.admin.referrals.owners.queryOptions(), retry: false });
  const assign = useMutation(
    trpc.admin.referrals.assign.mutationOptions({
      onSuccess: (updated) =>
        queryClient.setQueryData(trpc.admin.referrals.byId.queryKey({ id: referral.id }), updated),
    }),
  );
  const isMine = referral.owner?.id === user.id;
  const choices = (owners.data ?? []).map((owner) => ({ value: owner.id, label: owner.name }));
  // An owner who can no longer be chosen (disabled, or moved to another role) is still shown as the owner.
  if (referral.owner && !choices.some((choice) => choice.value === referral.owner?.id)) {
    choices.unshift({ value: referral.owner.id, label: referral.owner.name });
  }
  return (
    <span className="stacked-cell">
      {owners.isSuccess ? (
        <SelectField
          label={<span className="wp-visually-hidden">Owner</span>}
          value={referral.owner?.id ?? ''}
          placeholder="Unassigned"
          options={choices}
          disabled={assign.isPending}
          onChange={(event) => assign.mutate({ id: referral.id, ownerId: event.target.value || null })}
        />
      ) : (
        <>
          <span>{referral.owner?.name ?? 'Unassigned'}</span>
          {isMine ? null : (
            <Button
              size="sm"
              variant="secondary"
              isLoading={assign.isPending}
              onClick={() => assign.mutate({ id: referral.id, ownerId: user.id })}
            >
              Assign to me
            </Button>
          )}
        </>
      )}
      {assign.isError ? <FormAlert>{describeError(assign.error)}</FormAlert> : null}
    </span>
  );
}

function FraudCard({ fraud }: { fraud: ReferralDetail['fraud'] }) {
  const decision = { allow: 'Passed', review: 'Held for review', block: 'Blocked' }[fraud.decision];
  return (
    <Card
      title="Fraud check"
      description={`${fraudScoreSummary(fraud.score, fraud.flags.length)}: ${decision}.`}
    >
      {fraud.flags.length === 0 ? (
        <p className="muted-text">No rule raised a flag.</p>
      ) : (
        <FraudFlagList flags={fraud.flags} />
      )}
    </Card>
  );
}
