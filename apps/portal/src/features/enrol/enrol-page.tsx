import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buttonClassName, Card, EmptyState, LoadingState, MultilineText, TrackKindBadge } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';
import { trackBrandStyle } from '../../components/track-brand-style.js';
import { trackKindAudience } from '../landing/track-kind-copy.js';
import { EnrolForm } from './enrol-form.js';

const backHome = (
  <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
    Go to the program page
  </Link>
);

/** Joining one track by oneself, when the track allows it; its copy and brand colour introduce it. */
export function EnrolPage({ trackSlug }: { trackSlug: string }) {
  const program = useQuery(trpc.portal.program.queryOptions());
  if (program.isPending) return <LoadingState label="Loading…" />;
  if (program.isError) {
    return <QueryErrorState headingLevel={1} title="The program could not load" query={program} />;
  }
  const track = program.data.tracks.find((candidate) => candidate.slug === trackSlug);
  if (!track) {
    return (
      <EmptyState
        headingLevel={1}
        title="Track not found"
        description="This track does not exist or no longer takes referrers."
        action={backHome}
      />
    );
  }
  if (!track.selfEnrolment) {
    return (
      <EmptyState
        headingLevel={1}
        title={`${track.name} is by invitation`}
        description="Ask your contact at the company to invite you. Already a referrer? Sign in instead."
        action={
          <Link to="/sign-in" className={buttonClassName({ variant: 'primary' })}>
            Sign in
          </Link>
        }
      />
    );
  }
  return (
    <div className="enrol" style={trackBrandStyle(track.copy)}>
      <Card className="enrol__card">
        <TrackKindBadge kind={track.kind} />
        <h1 className="sign-in__title">Join {track.name}</h1>
        <p className="sign-in__lead">{track.copy.headline || trackKindAudience(track.kind)}</p>
        {track.copy.description ? (
          <MultilineText className="portal-muted" text={track.copy.description} />
        ) : null}
        <EnrolForm trackSlug={track.slug} trackName={track.name} />
      </Card>
    </div>
  );
}
