import type { AuditLogRow } from '@warmpath/db';
import type { AuditChanges, AuditEntry } from './audit.schema.js';

/** A stored row in the public shape. */
export function toAuditEntry(row: AuditLogRow): AuditEntry {
  const entry: AuditEntry = {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
  };
  if (row.changes !== null && typeof row.changes === 'object' && !Array.isArray(row.changes)) {
    entry.changes = row.changes as AuditChanges;
  }
  if (row.ip !== null) entry.ip = row.ip;
  return entry;
}
