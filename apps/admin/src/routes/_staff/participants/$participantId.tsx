import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import {
  Badge,
  Button,
  Card,
  CopyButton,
  EmptyState,
  FormAlert,
  formatDate,
  formatDateTime,
  KeyValueList,
  LoadingState,
  PageHeader,
  ReferralStageBadge,
  Table,
} from '@warmpath/ui';
import { useCan } from '../../../access/use-can.js';
import { describeError } from '../../../api/errors.js';
import { trpc } from '../../../api/trpc.js';
import type { ParticipantProfile } from '../../../api/types.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { portalSignInDescription } from '../../../features/participants/portal-sign-in-copy.js';

export const Route = createFileRoute('/_staff/participants/$participantId')({
  loader: ({ context: { queryClient, trpc }, params }) => {
    void queryClient.prefetchQuery(trpc.admin.participants.byId.queryOptions({ id: params.participantId }));
  },
  head: () => ({ meta: [{ title: 'Participant · Warmpath Admin' }] }),
  component: ParticipantPage,
});

function ParticipantPage() {
  const { participantId } = Route.useParams();
  const profile = useQuery(trpc.admin.participants.byId.queryOptions({ id: participantId }));
  if (profile.isPending) return <LoadingState label="Loading participant…" isFullPage />;
  if (profile.isError) {
    return (
      <QueryErrorState title="This participant could not load" headingLevel={1} query={profile} isFullPage />
    );
  }
  const participant = profile.data;
  return (
    <>
      <PageHeader eyebrow="Participants" title={participant.name} description={participant.email} />
      <div className="detail-grid">
        <div className="detail-grid__main">
          <EnrollmentsCard participant={participant} />
          <ReferralsCard participant={participant} />
        </div>
        <div className="detail-grid__side">
          <Card title="Profile">
            <KeyValueList
              items={[
                { label: 'Email', value: participant.email },
                { label: 'Title', value: participant.title ?? '—' },
                { label: 'Company', value: companyLabel(participant.company) },
                {
                  label: 'Status',
                  value: (
                    <Badge tone={participant.status === 'active' ? 'success' : 'neutral'}>
                      {participant.status === 'active' ? 'Active' : 'Disabled'}
                    </Badge>
                  ),
                },
                { label: 'Joined', value: formatDate(participant.createdAt) },
              ]}
            />
          </Card>
          <SignInCard participant={participant} />
        </div>
      </div>
    </>
  );
}

/** The company the participant gave, with the domain of their directory company when one is known. */
function companyLabel(company: ParticipantProfile['company']): string {
  if (!company) return '—';
  return company.domain ? `${company.name} (${company.domain})` : company.name;
}

function EnrollmentsCard({ participant }: { participant: ParticipantProfile }) {
  return (
    <Card title="Tracks and links" isFlush>
      <Table
        caption="Tracks and referral links"
        isCaptionHidden
        rows={participant.enrollments}
        rowKey={(enrollment) => enrollment.trackId}
        empty={<EmptyState headingLevel={3} title="Not enrolled in any track" />}
        columns={[
          { id: 'track', header: 'Track', isRowHeader: true, cell: (enrollment) => enrollment.trackName },
          {
            id: 'link',
            header: 'Referral link',
            cell: (enrollment) => (
              <span className="link-cell">
                <code>{enrollment.url}</code>
                <CopyButton
                  value={enrollment.url}
                  label="Copy link"
                  context={`for ${enrollment.trackName}`}
                />
              </span>
            ),
          },
          { id: 'clicks', header: 'Clicks', align: 'end', cell: (enrollment) => enrollment.clickCount },
          {
            id: 'last-click',
            header: 'Last click',
            hideOnSmallScreens: true,
            cell: (enrollment) => (enrollment.lastClickAt ? formatDateTime(enrollment.lastClickAt) : '—'),
          },
        ]}
      />
    </Card>
  );
}

function ReferralsCard({ participant }: { participant: ParticipantProfile }) {
  return (
    <Card title="Referrals" isFlush>
      <Table
        caption="Referrals by this participant"
        isCaptionHidden
        rows={participant.referrals}
        rowKey={(referral) => referral.id}
        empty={<EmptyState headingLevel={3} title="No referrals yet" />}
        columns={[
          {
            id: 'company',
            header: 'Company',
            isRowHeader: true,
            cell: (referral) => (
              <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
                {referral.company}
              </Link>
            ),
          },
          { id: 'track', header: 'Track', cell: (referral) => referral.trackName },
          {
            id: 'stage',
            header: 'Stage',
            cell: (referral) => <ReferralStageBadge stage={referral.status} />,
          },
          { id: 'created', header: 'Submitted', cell: (referral) => formatDate(referral.createdAt) },
        ]}
      />
    </Card>
  );
}

/**
 * Resend the invitation email, or make a login link to hand over another way; each only for roles that may, and
 * the card only when one of them is left.
 */
function SignInCard({ participant }: { participant: ParticipantProfile }) {
  const canResend = useCan('participants:invite');
  const canCreateLink = useCan('participants:write');
  const loginLink = useMutation(trpc.admin.participants.loginLink.mutationOptions());
  const resend = useMutation(trpc.admin.participants.invite.mutationOptions());
  if (!canResend && !canCreateLink) return null;
  return (
    <Card title="Portal sign-in" description={portalSignInDescription(participant.hasPassword)}>
      <div className="form-stack">
        <div className="button-row">
          {canResend ? (
            <Button
              variant="secondary"
              isLoading={resend.isPending}
              disabled={participant.enrollments.length === 0}
              onClick={() =>
                resend.mutate({
                  name: participant.name,
                  email: participant.email,
                  trackIds: participant.enrollments.map((enrollment) => enrollment.trackId),
                })
              }
            >
              Resend invitation
            </Button>
          ) : null}
          {canCreateLink ? (
            <Button
              variant="secondary"
              isLoading={loginLink.isPending}
              onClick={() => loginLink.mutate({ id: participant.id })}
            >
              Create login link
            </Button>
          ) : null}
        </div>
        {resend.isSuccess ? (
          <FormAlert tone="success">Invitation sent to {participant.email}.</FormAlert>
        ) : null}
        {resend.isError ? <FormAlert>{describeError(resend.error)}</FormAlert> : null}
        {loginLink.isError ? <FormAlert>{describeError(loginLink.error)}</FormAlert> : null}
        {loginLink.data ? (
          <FormAlert tone="info" title="One-time login link">
            <span className="link-cell">
              <code>{loginLink.data.url}</code>
              <CopyButton value={loginLink.data.url} label="Copy" />
            </span>
            <br />
            Works once, until {formatDateTime(loginLink.data.expiresAt)}.
          </FormAlert>
        ) : null}
      </div>
    </Card>
  );
}
