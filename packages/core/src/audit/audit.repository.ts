import { type AuditLogRow, json, type NewAuditLogRow } from '@warmpath/db';
import type { Executor } from '../common/executor.js';

export async function insertAuditRow(
  executor: Executor,
  row: Omit<NewAuditLogRow, 'changes'> & { changes: unknown },
) {
  return executor
    .insertInto('audit_log')
    .values({ ...row, changes: row.changes === null ? null : json(row.changes) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AuditRowFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only rows with an id below this one (UUIDv7: older). */
  beforeId?: string | undefined;
  limit: number;
}

/** Newest first: UUIDv7 ids order by creation time. */
export async function selectAuditRows(executor: Executor, filter: AuditRowFilter): Promise<AuditLogRow[]> {
  let query = executor.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
