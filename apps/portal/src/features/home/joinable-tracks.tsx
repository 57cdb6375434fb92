import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buttonClassName, Card, TrackKindBadge } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { trackKindAudience } from '../landing/track-kind-copy.js';

/**
 * Open tracks the referrer has not joined yet, when any take sign-ups. Quietly absent while loading, on failure or
 * when there are none: it is an extra, and the page's main content must not wait for it.
 */
export function JoinableTracks({ joinedSlugs }: { joinedSlugs: readonly string[] }) {
  const program = useQuery(trpc.portal.program.queryOptions());
  const joinable = (program.data?.tracks ?? []).filter(
    (track) => track.selfEnrolment && !joinedSlugs.includes(track.slug),
  );
  if (joinable.length === 0) return null;
  return (
    <section className="portal-section" aria-labelledby="joinable-title">
      <h2 id="joinable-title" className="landing-section__title">
        More ways to refer
      </h2>
      <div className="track-choices">
        {joinable.map((track) => (
          <Card key={track.slug} className="track-choice">
            <TrackKindBadge kind={track.kind} />
            <h3 className="track-choice__name">{track.name}</h3>
            <p className="portal-muted">{track.copy.headline || trackKindAudience(track.kind)}</p>
            <Link
              to="/enrol/$trackSlug"
              params={{ trackSlug: track.slug }}
              className={buttonClassName({ variant: 'secondary', size: 'sm' })}
            >
              Join<span className="wp-visually-hidden"> {track.name}</span>
            </Link>
          </Card>
        ))}
      </div>
    </section>
  );
}
