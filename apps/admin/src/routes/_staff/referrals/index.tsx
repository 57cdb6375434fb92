import { useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import {
  Card,
  CheckboxField,
  EmptyState,
  Icon,
  PageHeader,
  REFERRAL_STAGE_OPTIONS,
  SelectField,
  Skeleton,
  Tabs,
  TextField,
} from '@warmpath/ui';
import { useDeferredValue, useEffect, useState } from 'react';
import { Can } from '../../../access/can.js';
import { trpc } from '../../../api/trpc.js';
import type { ReferralStatus } from '../../../api/types.js';
import { useCursorPages } from '../../../api/use-cursor-pages.js';
import { QueryErrorState } from '../../../features/errors/query-error-state.js';
import { CsvExportLink } from '../../../features/exports/csv-export-link.js';
import { LoadMoreButton } from '../../../features/lists/load-more-button.js';
import {
  type AppliedReferralFilters,
  appliedReferralFilters,
} from '../../../features/referrals/applied-referral-filters.js';
import { ReferralBoard } from '../../../features/referrals/referral-board.js';
import { parseReferralFilters, type ReferralFilters } from '../../../features/referrals/referral-filters.js';
import { ReferralsTable } from '../../../features/referrals/referrals-table.js';

export const Route = createFileRoute('/_staff/referrals/')({
  validateSearch: parseReferralFilters,
  head: () => ({ meta: [{ title: 'Referrals · Warmpath Admin' }] }),
  component: ReferralsPage,
});

function ReferralsPage() {
  const search = Route.useSearch();
  const filters = { ...search, view: search.view ?? 'board' } satisfies ReferralFilters;
  const navigate = useNavigate({ from: Route.fullPath });
  const tracks = useQuery(trpc.admin.tracks.list.queryOptions());
  const setFilters = (changes: Partial<ReferralFilters>) =>
    void navigate({ search: (current) => ({ ...current, ...changes }), replace: true });
  // The board shows one track: the chosen one, else the first.
  const boardTrackId = filters.trackId ?? tracks.data?.[0]?.id;
  // What the view on screen asks the server for; the export asks for the same.
  const applied = appliedReferralFilters(filters, boardTrackId);

  return (
    <>
      <PageHeader
        title="Referrals"
        description="Every introduction your referrers make, from submission to closed deal."
        actions={
          <Can permission="referrals:export">
            <CsvExportLink list="referrals" filters={applied} />
          </Can>
        }
      />
      <Card isFlush>
        <FilterBar
          filters={filters}
          boardTrackId={boardTrackId}
          tracks={tracks.data ?? []}
          onChange={setFilters}
        />
        <div className="card-padding">
          <Tabs
            label="Pipeline views"
            selectedId={filters.view}
            onSelect={(view) => setFilters({ view: view === 'table' ? 'table' : undefined })}
            items={[
              {
                id: 'board',
                label: 'Board',
                content: tracks.isPending ? (
                  <Skeleton lines={4} label="Loading tracks…" />
                ) : boardTrackId ? (
                  <BoardView applied={applied} trackId={boardTrackId} isFiltered={isFiltered(filters)} />
                ) : (
                  <NoReferrals isFiltered={false} />
                ),
              },
              {
                id: 'table',
                label: 'Table',
                content: (
                  <TableView applied={applied} isFiltered={isFiltered(filters) || Boolean(filters.trackId)} />
                ),
              },
            ]}
          />
        </div>
      </Card>
    </>
  );
}

function FilterBar({
  filters,
  boardTrackId,
  tracks,
  onChange,
}: {
  filters: ReferralFilters;
  boardTrackId: string | undefined;
  tracks: ReadonlyArray<{ id: string; name: string }>;
  onChange: (changes: Partial<ReferralFilters>) => void;
}) {
  // The search box keeps its own text so typing is not interrupted by address updates.
  const [search, setSearch] = useState(filters.search ?? '');
  const deferredSearch = useDeferredValue(search.trim());
  useEffect(() => {
    if ((filters.search ?? '') !== deferredSearch) onChange({ search: deferredSearch || undefined });
  }, [deferredSearch, filters.search, onChange]);
  return (
    <search className="filter-bar" aria-label="Filter referrals">
      <TextField
        label="Company"
        type="search"
        placeholder="Name or domain"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <SelectField
        label="Track"
        placeholder={filters.view === 'board' ? undefined : 'All tracks'}
        value={filters.trackId ?? (filters.view === 'board' ? (boardTrackId ?? '') : '')}
        options={tracks.map((track) => ({ value: track.id, label: track.name }))}
        onChange={(event) => onChange({ trackId: event.target.value || undefined })}
      />
      {filters.view === 'table' ? (
        <SelectField
          label="Stage"
          placeholder="All stages"
          value={filters.status ?? ''}
          options={REFERRAL_STAGE_OPTIONS}
          onChange={(event) => onChange({ status: event.target.value || undefined })}
        />
      ) : null}
      <SelectField
        label="Fraud check"
        placeholder="Any result"
        value={filters.fraudDecision ?? ''}
        options={[
          { value: 'allow', label: 'Passed' },
          { value: 'review', label: 'Held for review' },
          { value: 'block', label: 'Blocked' },
        ]}
        onChange={(event) =>
          onChange({ fraudDecision: (event.target.value || undefined) as ReferralFilters['fraudDecision'] })
        }
      />
      <CheckboxField
        className="filter-bar__checkbox"
        label="SLA breached only"
        checked={filters.slaBreached === true}
        onChange={(event) => onChange({ slaBreached: event.target.checked || undefined })}
      />
    </search>
  );
}

function isFiltered(filters: ReferralFilters): boolean {
  return Boolean(filters.status || filters.fraudDecision || filters.slaBreached || filters.search);
}

function BoardView({
  applied,
  trackId,
  isFiltered,
}: {
  applied: AppliedReferralFilters;
  trackId: string;
  isFiltered: boolean;
}) {
  const board = useQuery(trpc.admin.referrals.board.queryOptions({ ...applied, trackId }));
  if (board.isPending) return <Skeleton lines={6} label="Loading the board…" />;
  if (board.isError) {
    return <QueryErrorState title="The board could not load" headingLevel={2} query={board} />;
  }
  if (board.data.columns.every((column) => column.count === 0))
    return <NoReferrals isFiltered={isFiltered} />;
  return <ReferralBoard columns={board.data.columns} />;
}

function TableView({ applied, isFiltered }: { applied: AppliedReferralFilters; isFiltered: boolean }) {
  const { status, ...rest } = applied;
  const query = { ...rest, ...(status ? { status: status as ReferralStatus } : {}), limit: 50 };
  const referrals = useCursorPages(JSON.stringify(query), (cursor) =>
    trpc.admin.referrals.list.queryOptions({ ...query, ...(cursor ? { cursor } : {}) }),
  );
  if (referrals.isPending) return <Skeleton lines={6} label="Loading referrals…" />;
  if (referrals.isError) {
    return <QueryErrorState title="Referrals could not load" headingLevel={2} query={referrals} />;
  }
  return (
    <>
      <ReferralsTable
        referrals={referrals.pages.flatMap((page) => page.items)}
        empty={<NoReferrals isFiltered={isFiltered} />}
      />
      <LoadMoreButton query={referrals} />
    </>
  );
}

function NoReferrals({ isFiltered }: { isFiltered: boolean }) {
  return (
    <EmptyState
      icon={<Icon name="referrals" size={24} />}
      title={isFiltered ? 'No referral matches these filters' : 'No referrals yet'}
      description={
        isFiltered
          ? 'Clear a filter to see more.'
          : 'Referrals appear here when participants introduce companies through the portal or the API.'
      }
    />
  );
}
