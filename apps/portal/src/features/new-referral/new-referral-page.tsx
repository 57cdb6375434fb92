import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import {
  buttonClassName,
  Card,
  EmptyState,
  LoadingState,
  MultilineText,
  PageHeader,
  TrackKindBadge,
} from '@warmpath/ui';
import { isNotFoundError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';
import { trackBrandStyle } from '../../components/track-brand-style.js';
import { MyTracksStates } from '../home/my-tracks-states.js';
import { ReferralForm } from './referral-form.js';

/** Props of {@link NewReferralPage}. */
export interface NewReferralPageProps {
  /** The track chosen (from the search `?track=`); without it the page asks which one. */
  trackSlug: string | undefined;
}

/** Making a referral: choose one of my tracks (skipped when there is only one), then fill in its form. */
export function NewReferralPage({ trackSlug }: NewReferralPageProps) {
  const tracks = useQuery(trpc.portal.tracks.mine.queryOptions());
  const onlyTrack = tracks.data?.length === 1 ? tracks.data[0]?.slug : undefined;
  const chosen = trackSlug ?? onlyTrack;

  if (chosen) return <TrackReferral trackSlug={chosen} canChooseAnother={(tracks.data?.length ?? 0) > 1} />;
  return (
    <>
      <PageHeader title="New referral" description="Which program is this introduction for?" />
      <MyTracksStates
        tracks={tracks}
        loadingLabel="Loading your tracks…"
        errorTitle="Your tracks could not load"
        emptyIcon="tracks"
        emptyDescription="Referrals are made within a track. Ask your contact at the company to add you to one."
      >
        {(mine) => (
          <ul className="track-choices" aria-label="Tracks">
            {mine.map((track) => (
              <li key={track.slug}>
                <Card className="track-choice" style={trackBrandStyle(track.copy)}>
                  <TrackKindBadge kind={track.kind} />
                  <h2 className="track-choice__name">{track.name}</h2>
                  {track.copy.headline ? <p className="portal-muted">{track.copy.headline}</p> : null}
                  <Link
                    to="/referrals/new"
                    search={{ track: track.slug }}
                    className={buttonClassName({ variant: 'primary', size: 'sm' })}
                  >
                    Refer to {track.name}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </MyTracksStates>
    </>
  );
}

function TrackReferral({ trackSlug, canChooseAnother }: { trackSlug: string; canChooseAnother: boolean }) {
  const navigate = useNavigate();
  const form = useQuery(trpc.portal.referrals.formFor.queryOptions({ trackSlug }));
  const chooseAnother = canChooseAnother ? (
    <Link to="/referrals/new" search={{}} className={buttonClassName({ variant: 'secondary' })}>
      Choose another track
    </Link>
  ) : undefined;

  if (form.isPending) return <LoadingState label="Loading the referral form…" />;
  if (form.isError) {
    if (isNotFoundError(form.error)) {
      return (
        <EmptyState
          headingLevel={1}
          title="This track is not one of yours"
          description="You can refer companies in the tracks you have joined."
          action={
            <Link to="/referrals/new" search={{}} className={buttonClassName({ variant: 'primary' })}>
              Choose a track
            </Link>
          }
        />
      );
    }
    return <QueryErrorState headingLevel={1} title="The referral form could not load" query={form} />;
  }
  const { track } = form.data;
  return (
    // The track's colour for the form's buttons; `display: contents` keeps the page's layout as it is.
    <div className="track-brand-scope" style={trackBrandStyle(track.copy)}>
      <PageHeader
        eyebrow={track.name}
        title="New referral"
        description={
          track.copy.description ? (
            <MultilineText as="span" text={track.copy.description} />
          ) : (
            'Tell us about the company and the people you know there. It takes a minute; you can follow its progress afterwards.'
          )
        }
        actions={chooseAnother}
      />
      <ReferralForm
        key={track.slug}
        trackSlug={track.slug}
        fields={form.data.fields}
        contactRoles={form.data.contactRoles}
        isAcceptingReferrals={form.data.acceptsReferrals}
        onSubmitted={(referralId) =>
          void navigate({ to: '/referrals/$referralId', params: { referralId }, search: { submitted: true } })
        }
      />
    </div>
  );
}
