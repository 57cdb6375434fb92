import { createFileRoute } from '@tanstack/react-router';
import { Card, EmptyState, Icon, PageHeader, Skeleton, TextField } from '@warmpath/ui';
import { useDeferredValue, useState } from 'react';
import { PermissionRequired } from '../../access/permission-required.js';
import { trpc } from '../../api/trpc.js';
import { useCursorPages } from '../../api/use-cursor-pages.js';
import { AuditLogTable } from '../../features/audit/audit-log-table.js';
import { QueryErrorState } from '../../features/errors/query-error-state.js';
import { LoadMoreButton } from '../../features/lists/load-more-button.js';

export const Route = createFileRoute('/_staff/audit-log')({
  head: () => ({ meta: [{ title: 'Audit log · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="audit:read">
      <AuditLogPage />
    </PermissionRequired>
  ),
});

/** A date input's day as the start of that day in the reader's time zone, in ISO form. */
function startOfDay(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function AuditLogPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const [targetId, setTargetId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = useDeferredValue({
    limit: 50,
    ...(action.trim() ? { action: action.trim() } : {}),
    ...(targetType.trim() ? { targetType: targetType.trim() } : {}),
    ...(targetId.trim() ? { targetId: targetId.trim() } : {}),
    ...(startOfDay(from) ? { from: startOfDay(from) } : {}),
    // "To" includes the whole day chosen.
    ...(startOfDay(to)
      ? { to: new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000).toISOString() }
      : {}),
  });
  const log = useCursorPages(JSON.stringify(filters), (cursor) =>
    trpc.admin.audit.list.queryOptions({ ...filters, ...(cursor ? { cursor } : {}) }),
  );
  const isFiltered = Object.keys(filters).length > 1;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in this installation: who made it, when, from where, and what it changed."
      />
      <Card isFlush>
        <search className="filter-bar" aria-label="Filter the audit log">
          <TextField
            label="Action"
            placeholder="referral.status_changed"
            value={action}
            onChange={(event) => setAction(event.target.value)}
          />
          <TextField
            label="Record type"
            placeholder="referral"
            value={targetType}
            onChange={(event) => setTargetType(event.target.value)}
          />
          <TextField
            label="Record id"
            value={targetId}
            onChange={(event) => setTargetId(event.target.value)}
          />
          <TextField
            label="From"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <TextField label="To" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </search>
        {log.isPending ? (
          <Skeleton lines={6} label="Loading the audit log…" />
        ) : log.isError ? (
          <QueryErrorState title="The audit log could not load" query={log} />
        ) : (
          <>
            <AuditLogTable
              entries={log.pages.flatMap((page) => page.data)}
              empty={
                <EmptyState
                  icon={<Icon name="audit" size={24} />}
                  title={isFiltered ? 'No entry matches' : 'Nothing recorded yet'}
                  description={
                    isFiltered ? 'Loosen a filter to see more.' : 'Changes appear here as they happen.'
                  }
                />
              }
            />
            <LoadMoreButton query={log} />
          </>
        )}
      </Card>
    </>
  );
}
