import { formatDateTime, Table } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { AuditLogEntry } from '../../api/types.js';

function actorName(entry: AuditLogEntry): string {
  if (entry.actor.type === 'system') return 'System';
  return entry.actor.name ?? `${entry.actor.type} ${entry.actor.id ?? ''}`.trim();
}

/** The fields an entry changed, "field: before → after", kept short. */
function describeChanges(entry: AuditLogEntry): string {
  const changes = entry.changes;
  if (!changes) return '—';
  const keys = Object.keys(changes);
  if (keys.length === 0) return '—';
  const shown = keys.slice(0, 4).join(', ');
  return keys.length > 4 ? `${shown} and ${keys.length - 4} more` : shown;
}

/** Audit log entries, newest first: when, who, what, on which record, which fields. */
export function AuditLogTable({
  entries,
  empty,
}: {
  entries: ReadonlyArray<AuditLogEntry>;
  empty: ReactNode;
}) {
  return (
    <Table
      caption="Audit log"
      isCaptionHidden
      rows={entries}
      rowKey={(entry) => entry.id}
      empty={empty}
      columns={[
        {
          id: 'at',
          header: 'When',
          isRowHeader: true,
          cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>,
        },
        { id: 'actor', header: 'Who', cell: actorName },
        { id: 'action', header: 'Action', cell: (entry) => <code>{entry.action}</code> },
        {
          id: 'target',
          header: 'Record',
          cell: (entry) => (
            <span className="stacked-cell">
              <span>{entry.target.type}</span>
              <code className="muted-text">{entry.target.id}</code>
            </span>
          ),
        },
        { id: 'changes', header: 'Changed', hideOnSmallScreens: true, cell: describeChanges },
        { id: 'ip', header: 'IP', hideOnSmallScreens: true, cell: (entry) => entry.ip ?? '—' },
      ]}
    />
  );
}
