import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buttonClassName, Card, LoadingState } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { pluralize } from '../../format/pluralize.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { NoTracksYet } from './no-tracks-yet.js';
import { TracksTable } from './tracks-table.js';

/** Props of {@link TracksCard}. */
export interface TracksCardProps {
  /** Fewer columns and a link to the full list, for the dashboard. */
  isCompact?: boolean;
}

/** The tracks of the program in a card, with its loading, empty and error states. */
export function TracksCard({ isCompact = false }: TracksCardProps) {
  const tracks = useQuery(trpc.admin.tracks.list.queryOptions());
  const count = tracks.data?.length;
  return (
    <Card
      title="Tracks"
      description={
        count === undefined
          ? 'The lanes of your referral program'
          : `${pluralize(count, 'track')} in this program`
      }
      actions={
        isCompact ? (
          <Link to="/tracks" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
            View all
          </Link>
        ) : undefined
      }
      isFlush
    >
      {tracks.isPending ? (
        <LoadingState label="Loading tracks…" />
      ) : tracks.isError ? (
        <QueryErrorState title="Tracks could not load" headingLevel={3} query={tracks} />
      ) : (
        <TracksTable tracks={tracks.data} caption="Tracks" isCompact={isCompact} empty={<NoTracksYet />} />
      )}
    </Card>
  );
}
