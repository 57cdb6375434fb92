import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  buttonClassName,
  Card,
  EmptyState,
  Grid,
  Icon,
  LoadingState,
  MultilineText,
  TrackKindBadge,
} from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../components/query-error-state.js';
import { trackKindAudience } from './track-kind-copy.js';

/** The program's open tracks, each a way for someone to refer. */
export function ProgramTracks() {
  const program = useQuery(trpc.portal.program.queryOptions());
  return (
    <section className="landing-section" id="tracks" aria-labelledby="tracks-title">
      <h2 id="tracks-title" className="landing-section__title">
        Ways to refer
      </h2>
      {program.isPending ? (
        <LoadingState label="Loading the program…" />
      ) : program.isError ? (
        <QueryErrorState title="The program could not load" query={program} headingLevel={3} />
      ) : program.data.tracks.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Icon name="tracks" size={24} />}
            headingLevel={3}
            title="No open tracks right now"
            description="The program is not taking referrals at the moment. Check back soon."
          />
        </Card>
      ) : (
        <Grid minColumnWidth="260px">
          {program.data.tracks.map((track) => (
            <Card key={track.slug} className="track-card">
              <TrackKindBadge kind={track.kind} />
              <h3 className="track-card__name">{track.name}</h3>
              <p className="track-card__audience">{track.copy.headline || trackKindAudience(track.kind)}</p>
              {track.copy.description ? (
                <MultilineText className="track-card__description" text={track.copy.description} />
              ) : null}
              {track.selfEnrolment ? (
                <Link
                  to="/enrol/$trackSlug"
                  params={{ trackSlug: track.slug }}
                  className={buttonClassName({ variant: 'secondary', size: 'sm' })}
                >
                  Join<span className="wp-visually-hidden"> {track.name}</span>
                </Link>
              ) : null}
            </Card>
          ))}
        </Grid>
      )}
    </section>
  );
}
