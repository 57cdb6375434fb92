import { useQuery } from '@tanstack/react-query';
import { Card, EmptyState, ErrorState, Icon, LoadingState, PageHeader } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { JoinableTracks } from './joinable-tracks.js';
import { MyTrackCard } from './my-track-card.js';

/** The signed-in referrer's home: a greeting, then each track they are in with their link and how it is doing. */
export function HomePage({ name }: { name: string }) {
  const tracks = useQuery(trpc.portal.tracks.mine.queryOptions());
  return (
    <>
      <PageHeader
        eyebrow="Referral program"
        title={`Welcome, ${name}`}
        description="Share your links, make introductions and follow how they go."
      />
      <section className="portal-section" aria-labelledby="my-tracks-title">
        <h2 id="my-tracks-title" className="wp-visually-hidden">
          Your tracks
        </h2>
        {tracks.isPending ? (
          <LoadingState label="Loading your links…" />
        ) : tracks.isError ? (
          <ErrorState
            title="Your links could not load"
            message={describeError(tracks.error)}
            onRetry={() => void tracks.refetch()}
            isRetrying={tracks.isRefetching}
          />
        ) : tracks.data.length === 0 ? (
          <Card>
            <EmptyState
              icon={<Icon name="link" size={24} />}
              title="You are not in any track yet"
              description="Ask your contact at the company to add you, or join an open track from the program page."
            />
          </Card>
        ) : (
          <div className="my-tracks">
            {tracks.data.map((track) => (
              <MyTrackCard key={track.slug} track={track} />
            ))}
          </div>
        )}
      </section>
      {tracks.isSuccess ? <JoinableTracks joinedSlugs={tracks.data.map((track) => track.slug)} /> : null}
    </>
  );
}
