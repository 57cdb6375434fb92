import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import { selectActorNames } from './actor-names.repository.js';
import { selectAuditRows } from './audit.repository.js';
import {
  type AuditListQuery,
  type AuditPage,
  auditListQuerySchema,
  type NamedAuditPage,
} from './audit.schema.js';
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
    const { action, actorId, targetType, targetId, from, to, limit, cursor } = parseInput(
      auditListQuerySchema,
      query,
    );
    const rows = await selectAuditRows(this.#db, {
      action,
      actorId,
      targetType,
      targetId,
      from: from === undefined ? undefined : new Date(from),
      to: to === undefined ? undefined : new Date(to),
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

  /** {@link list} with each actor's display name, for the console's audit log browser. */
  async listWithActorNames(query: AuditListQuery = {}): Promise<NamedAuditPage> {
    const page = await this.list(query);
    const names = await selectActorNames(
      this.#db,
      page.data.map((entry) => entry.actor),
    );
    return {
      nextCursor: page.nextCursor,
      data: page.data.map((entry) => ({
        ...entry,
        actor: { ...entry.actor, name: names.get(`${entry.actor.type}:${entry.actor.id}`) ?? null },
      })),
    };
  }
}
