import { Link } from '@tanstack/react-router';
import { Badge, formatDate, Table, type TableColumn } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { ParticipantListItem } from '../../api/types.js';

const columns: ReadonlyArray<TableColumn<ParticipantListItem>> = [
  {
    id: 'name',
    header: 'Participant',
    isRowHeader: true,
    cell: (participant) => (
      <span className="stacked-cell">
        <Link to="/participants/$participantId" params={{ participantId: participant.id }}>
          {participant.name}
        </Link>
        <span className="muted-text">{participant.email}</span>
      </span>
    ),
  },
  {
    id: 'company',
    header: 'Company',
    hideOnSmallScreens: true,
    cell: (participant) => participant.company ?? '—',
  },
  {
    id: 'tracks',
    header: 'Tracks',
    cell: (participant) => participant.tracks.map((track) => track.name).join(', ') || '—',
  },
  { id: 'referrals', header: 'Referrals', align: 'end', cell: (participant) => participant.referralCount },
  {
    id: 'clicks',
    header: 'Clicks',
    align: 'end',
    hideOnSmallScreens: true,
    cell: (participant) => participant.clickCount,
  },
  {
    id: 'status',
    header: 'Status',
    cell: (participant) => (
      <Badge tone={participant.status === 'active' ? 'success' : 'neutral'}>
        {participant.status === 'active' ? 'Active' : 'Disabled'}
      </Badge>
    ),
  },
  {
    id: 'joined',
    header: 'Joined',
    hideOnSmallScreens: true,
    cell: (participant) => formatDate(participant.createdAt),
  },
];

/** The program's referrers with their tracks and activity. */
export function ParticipantsTable({
  participants,
  empty,
}: {
  participants: ReadonlyArray<ParticipantListItem>;
  empty: ReactNode;
}) {
  return (
    <Table
      caption="Participants"
      isCaptionHidden
      columns={columns}
      rows={participants}
      rowKey={(participant) => participant.id}
      empty={empty}
    />
  );
}
