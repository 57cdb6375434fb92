import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { Button, Card, EmptyState, Icon, PageHeader, SelectField, Skeleton, TextField } from '@warmpath/ui';
import { useDeferredValue, useState } from 'react';
import { Can } from '../../../access/can.js';
import { useCan } from '../../../access/use-can.js';
import { trpc } from '../../../api/trpc.js';
import { useCursorPages } from '../../../api/use-cursor-pages.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { CsvExportLink } from '../../../features/exports/csv-export-link.js';
import { LoadMoreButton } from '../../../features/lists/load-more-button.js';
import { InviteParticipantDialog } from '../../../features/participants/invite-participant-dialog.js';
import { ParticipantsTable } from '../../../features/participants/participants-table.js';

export const Route = createFileRoute('/_staff/participants/')({
  head: () => ({ meta: [{ title: 'Participants · Warmpath Admin' }] }),
  component: ParticipantsPage,
});

function ParticipantsPage() {
  const navigate = useNavigate();
  const canInvite = useCan('participants:invite');
  const [isInviting, setIsInviting] = useState(false);
  const [search, setSearch] = useState('');
  const [trackId, setTrackId] = useState('');
  // Typing stays responsive; the list follows the last search.
  const deferredSearch = useDeferredValue(search.trim());
  const tracks = useQuery(trpc.admin.tracks.list.queryOptions());
  const filters = {
    limit: 50,
    ...(deferredSearch ? { search: deferredSearch } : {}),
    ...(trackId ? { trackId } : {}),
  };
  const participants = useCursorPages(JSON.stringify(filters), (cursor) =>
    trpc.admin.participants.list.queryOptions({ ...filters, ...(cursor ? { cursor } : {}) }),
  );
  const rows = participants.pages.flatMap((page) => page.items);
  const isFiltered = deferredSearch !== '' || trackId !== '';

  return (
    <>
      <PageHeader
        title="Participants"
        description="Clients, partners and employees who refer companies, with their tracks and activity."
        actions={
          <>
            <Can permission="referrals:export">
              <CsvExportLink list="participants" filters={{ search: deferredSearch, trackId }} />
            </Can>
            {canInvite ? <Button onClick={() => setIsInviting(true)}>Invite participant</Button> : null}
          </>
        }
      />
      <InviteParticipantDialog
        isOpen={isInviting}
        onClose={() => setIsInviting(false)}
        onInvited={(participantId) => {
          setIsInviting(false);
          void navigate({ to: '/participants/$participantId', params: { participantId } });
        }}
      />
      <Card isFlush>
        <search className="filter-bar" aria-label="Filter participants">
          <TextField
            label="Search"
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <SelectField
            label="Track"
            placeholder="All tracks"
            value={trackId}
            options={(tracks.data ?? []).map((track) => ({ value: track.id, label: track.name }))}
            onChange={(event) => setTrackId(event.target.value)}
          />
        </search>
        {participants.isPending ? (
          <Skeleton lines={5} label="Loading participants…" />
        ) : participants.isError ? (
          <QueryErrorState title="Participants could not load" headingLevel={2} query={participants} />
        ) : (
          <>
            <ParticipantsTable
              participants={rows}
              empty={
                <EmptyState
                  icon={<Icon name="participants" size={24} />}
                  title={isFiltered ? 'No participant matches' : 'No participants yet'}
                  description={
                    isFiltered
                      ? 'Try another name, email or track.'
                      : 'Invite the clients, partners or employees who will refer companies to you.'
                  }
                  action={
                    isFiltered || !canInvite ? undefined : (
                      <Button variant="secondary" onClick={() => setIsInviting(true)}>
                        Invite the first participant
                      </Button>
                    )
                  }
                />
              }
            />
            <LoadMoreButton query={participants} />
          </>
        )}
      </Card>
    </>
  );
}
