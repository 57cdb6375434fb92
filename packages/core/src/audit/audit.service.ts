import { parseInput } from '../errors.js';
import { decodeIdCursor, encodeIdCursor } from '../shared/cursor.js';
import type { Executor } from '../shared/executor.js';
import { selectAuditRows } from './audit.repository.js';
import { type AuditListQuery, type AuditPage, auditListQuerySchema } from './audit.schema.js';
import { toAuditEntry } from './audit-entry.js';

/** Dependencies of {@link AuditService}. */
export interface AuditServiceDeps {
  db: Executor;
}

/** Reads the audit log. Writing is {@link recordAudit}, inside the transaction of each change. */
export class AuditService {
  readonly #db: Executor;

  constructor(deps: AuditServiceDeps) {
    this.#db = deps.db;
  }

  /**
   * One page of entries, newest first, optionally filtered by action and target id. Pass `nextCursor` back as
   * `cursor` for the next page; a malformed cursor is a `ValidationError`.
   */
  async list(query: AuditListQuery = {}): Promise<AuditPage> {
    const { action, targetId, limit, cursor } = parseInput(auditListQuerySchema, query);
    const rows = await selectAuditRows(this.#db, {
      action,
      targetId,
      beforeId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      // One extra row tells whether another page exists without a count query.
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(toAuditEntry),
      nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
    };
  }
}
