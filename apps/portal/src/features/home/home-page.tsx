import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { JoinableTracks } from './joinable-tracks.js';
import { MyTrackCard } from './my-track-card.js';
import { MyTracksStates } from './my-tracks-states.js';

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
        <MyTracksStates
          tracks={tracks}
          loadingLabel="Loading your links…"
          errorTitle="Your links could not load"
          emptyIcon="link"
          emptyDescription="Ask your contact at the company to add you, or join an open track from the program page."
        >
          {(mine) => (
            <div className="my-tracks">
              {mine.map((track) => (
                <MyTrackCard key={track.slug} track={track} />
              ))}
            </div>
          )}
        </MyTracksStates>
      </section>
      {tracks.isSuccess ? <JoinableTracks joinedSlugs={tracks.data.map((track) => track.slug)} /> : null}
    </>
  );
}
