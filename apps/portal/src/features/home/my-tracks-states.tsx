import type { UseQueryResult } from '@tanstack/react-query';
import { Card, EmptyState, Icon, type IconName, LoadingState } from '@warmpath/ui';
import type { ReactNode } from 'react';
import { QueryErrorState } from '../../components/query-error-state.js';
import type { MyTrack } from './my-track.js';

/** Props of {@link MyTracksStates}. */
export interface MyTracksStatesProps {
  /** `portal.tracks.mine`. */
  tracks: UseQueryResult<MyTrack[], unknown>;
  loadingLabel: string;
  errorTitle: string;
  emptyIcon: IconName;
  /** What a referrer in no track can do about it, on this page. */
  emptyDescription: string;
  /** The page's own rendering of one or more tracks. */
  children: (tracks: MyTrack[]) => ReactNode;
}

/** The referrer's tracks while they load, when they fail, when there are none, and otherwise as the page shows them. */
export function MyTracksStates({
  tracks,
  loadingLabel,
  errorTitle,
  emptyIcon,
  emptyDescription,
  children,
}: MyTracksStatesProps) {
  if (tracks.isPending) return <LoadingState label={loadingLabel} />;
  if (tracks.isError) return <QueryErrorState title={errorTitle} query={tracks} />;
  if (tracks.data.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<Icon name={emptyIcon} size={24} />}
          title="You are not in any track yet"
          description={emptyDescription}
        />
      </Card>
    );
  }
  return children(tracks.data);
}
