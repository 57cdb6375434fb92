import { newId } from '@warmpath/db';
import type { Executor } from '../common/executor.js';
import { insertAuditRow } from './audit.repository.js';
import type { AuditActor, AuditChanges, AuditEntry, AuditTarget } from './audit.schema.js';
import { toAuditEntry } from './audit-entry.js';

/** What happened, by whom, to what. */
export interface AuditRecord {
  actor: AuditActor;
  /** `noun.verb_past`, e.g. `track.updated`. */
  action: string;
  target: AuditTarget;
  /** Usually `{ field: { before, after } }` from `diffChanges`; never secrets. */
  changes?: AuditChanges | undefined;
  ip?: string | null | undefined;
  /** When it happened; defaults to the database's `now()`. Services pass their clock's time. */
  at?: Date | undefined;
}

/**
 * Appends an entry to the audit log. Pass the transaction that makes the change: the entry then commits or rolls
 * back with it, so the log never records a change that did not happen (nor misses one that did).
 */
export async function recordAudit(executor: Executor, record: AuditRecord): Promise<AuditEntry> {
  const row = await insertAuditRow(executor, {
    id: newId(),
    ...(record.at ? { at: record.at } : {}),
    actor_type: record.actor.type,
    actor_id: record.actor.id,
    action: record.action,
    target_type: record.target.type,
    target_id: record.target.id,
    changes: record.changes ?? null,
    ip: record.ip ?? null,
  });
  return toAuditEntry(row);
}
