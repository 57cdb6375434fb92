import { Link } from '@tanstack/react-router';
import { formatDate, Table, type TableColumn, TrackKindBadge } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { Track } from '../../api/types.js';
import { pluralize } from '../../format/pluralize.js';
import { TrackStatusBadge } from './track-status-badge.js';

const nameColumn: TableColumn<Track> = {
  id: 'name',
  header: 'Track',
  isRowHeader: true,
  cell: (track) => (
    <span className="track-name">
      <Link to="/tracks/$trackId" params={{ trackId: track.id }}>
        {track.name}
      </Link>
      <code className="track-name__slug">{track.slug}</code>
    </span>
  ),
};
const kindColumn: TableColumn<Track> = {
  id: 'kind',
  header: 'Kind',
  cell: (track) => <TrackKindBadge kind={track.kind} />,
};
const statusColumn: TableColumn<Track> = {
  id: 'status',
  header: 'Status',
  cell: (track) => <TrackStatusBadge status={track.status} />,
};
const acceptanceColumn: TableColumn<Track> = {
  id: 'acceptance',
  header: 'Acceptance',
  hideOnSmallScreens: true,
  cell: (track) => (track.autoAccept ? 'Automatic' : 'Manual review'),
};
const windowColumn: TableColumn<Track> = {
  id: 'attribution-window',
  header: 'Attribution window',
  hideOnSmallScreens: true,
  align: 'end',
  cell: (track) => pluralize(track.attributionWindowDays, 'day'),
};
const slaColumn: TableColumn<Track> = {
  id: 'sla',
  header: 'Review SLA',
  hideOnSmallScreens: true,
  align: 'end',
  cell: (track) => pluralize(track.slaHours, 'hour'),
};
const createdColumn: TableColumn<Track> = {
  id: 'created',
  header: 'Created',
  hideOnSmallScreens: true,
  cell: (track) => formatDate(track.createdAt),
};

/** Props of {@link TracksTable}. */
export interface TracksTableProps {
  tracks: ReadonlyArray<Track>;
  caption: string;
  /** Fewer columns, for the dashboard. */
  isCompact?: boolean;
  /** Shown instead of the table when there are no tracks. */
  empty: ReactNode;
}

/** The program's tracks with their kind, status and main settings. */
export function TracksTable({ tracks, caption, isCompact = false, empty }: TracksTableProps) {
  const columns = isCompact
    ? [nameColumn, kindColumn, statusColumn, acceptanceColumn]
    : [nameColumn, kindColumn, statusColumn, acceptanceColumn, windowColumn, slaColumn, createdColumn];
  return (
    <Table
      caption={caption}
      isCaptionHidden
      columns={columns}
      rows={tracks}
      rowKey={(track) => track.id}
      empty={empty}
    />
  );
}
