import { json, newId } from '@warmpath/db';
import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges, jsonEqual } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { sha256Hex } from '../common/crypto.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import { type Executor, isUniqueViolation } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import { ForbiddenError, NotFoundError, parseInput, ValidationError } from '../errors.js';
import {
  findApiKeyRowByHash,
  insertApiKeyRow,
  lockApiKeyRowByHash,
  lockApiKeyRowById,
  markApiKeyRowUsed,
  selectApiKeyRows,
  updateApiKeyRow,
} from './api-key.repository.js';
import {
  API_KEY_AUDIT_ACTIONS,
  API_SCOPES,
  type ApiKey,
  type ApiKeyListQuery,
  type ApiKeyPage,
  apiKeyListQuerySchema,
  type CreateApiKeyInput,
  createApiKeyInputSchema,
  type Scope,
} from './api-key.schema.js';
import { type ApiKeyManager, assertHoldsScopes, SYSTEM_KEY_MANAGER } from './api-key-manager.js';
import { auditSnapshot, toApiKey } from './api-key-record.js';
import { generateApiKey, MAX_API_KEY_LENGTH, visiblePrefix } from './api-key-secret.js';

const LAST_USED_RESOLUTION_MS = 60_000;
const BOOTSTRAP_KEY_NAME = 'Bootstrap key (WARMPATH_BOOTSTRAP_API_KEY)';

/** Dependencies of {@link ApiKeyService}. */
export interface ApiKeyServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
}

/**
 * What `ensureBootstrapApiKey` found or did. A bootstrap key someone revoked stays revoked (`revoked`): the
 * revocation was deliberate, and the variable may simply not have been removed yet.
 */
export type EnsureBootstrapKeyOutcome = 'created' | 'updated' | 'unchanged' | 'revoked';

/** API keys for the public REST API: random, shown once, stored hashed, scoped, revocable, last use tracked. */
export class ApiKeyService {
  readonly #db: Executor;
  readonly #clock: Clock;

  constructor(deps: ApiKeyServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
  }

  /**
   * Creates a key (audited as `manager`'s doing). `key` is the secret: show it once, it cannot be read again. A key
   * never carries a scope its creator lacks: a staff member's role or a creating key must hold every scope asked
   * for, else a `ForbiddenError` naming the missing ones. Without a manager (the CLI, tests) the system creates it,
   * audited as `createdBy` when given.
   */
  async createApiKey(
    input: CreateApiKeyInput,
    manager?: ApiKeyManager,
  ): Promise<{ key: string; apiKey: ApiKey }> {
    const { name, scopes, createdBy } = parseInput(createApiKeyInputSchema, input);
    if (manager) assertHoldsScopes(manager, scopes, 'grant');
    const key = generateApiKey();
    const context: AuditContext = manager ? { actor: manager.actor, ip: manager.ip } : actingUser(createdBy);
    const apiKey = await this.#insert(key, { name, scopes, createdBy: createdBy ?? null }, context);
    return { key, apiKey };
  }

  /**
   * The live key record for a presented key, or null (unknown, revoked, malformed). The key is hashed and the
   * hash looked up, so the lookup time does not depend on how much of a guess matches. Use is recorded at most
   * once a minute.
   */
  async verifyApiKey(key: string): Promise<ApiKey | null> {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_API_KEY_LENGTH) return null;
    const row = await findApiKeyRowByHash(this.#db, sha256Hex(key));
    if (!row || row.revoked_at !== null) return null;
    const now = this.#clock.now();
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (row.last_used_at === null || row.last_used_at <= staleBefore) {
      if (await markApiKeyRowUsed(this.#db, row.id, now, staleBefore))
        return toApiKey({ ...row, last_used_at: now });
    }
    return toApiKey(row);
  }

  /**
   * Revokes a key (audited); the key stops working at once. Revoking a revoked key changes nothing. `manager` must
   * hold every scope of the key: a narrower key (or role) cannot take a broader key away (`ForbiddenError`).
   */
  async revokeApiKey(id: string, manager: ApiKeyManager = SYSTEM_KEY_MANAGER): Promise<ApiKey> {
    if (!isUuid(id)) throw apiKeyNotFound(id);
    const context: AuditContext = { actor: manager.actor, ip: manager.ip };
    return this.#db.transaction().execute(async (trx) => {
      const current = await lockApiKeyRowById(trx, id);
      if (!current) throw apiKeyNotFound(id);
      assertHoldsScopes(manager, toApiKey(current).scopes, 'revoke a key with');
      if (current.revoked_at !== null) return toApiKey(current);
      const now = this.#clock.now();
      const row = await updateApiKeyRow(trx, id, { revoked_at: now });
      await recordAudit(trx, {
        ...context,
        action: API_KEY_AUDIT_ACTIONS.revoked,
        target: { type: 'api_key', id },
        changes: diffChanges(auditSnapshot(current), auditSnapshot(row)),
        at: now,
      });
      return toApiKey(row);
    });
  }

  /** Every key, revoked ones included, newest first. */
  async list(): Promise<ApiKey[]> {
    return (await selectApiKeyRows(this.#db)).map(toApiKey);
  }

  /** One page of keys, revoked ones included, newest first (REST `GET /api/v1/api-keys`). */
  async listPage(query: ApiKeyListQuery = {}): Promise<ApiKeyPage> {
    const { limit, cursor } = parseInput(apiKeyListQuerySchema, query);
    const rows = await selectApiKeyRows(this.#db, {
      beforeId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(toApiKey),
      nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
    };
  }

  /**
   * Makes sure a key equal to `value` exists with every scope (WARMPATH_BOOTSTRAP_API_KEY at boot). Running it
   * again changes nothing; after an upgrade that adds scopes, the key gains them.
   */
  async ensureBootstrapApiKey(
    value: string,
  ): Promise<{ apiKey: ApiKey; outcome: EnsureBootstrapKeyOutcome }> {
    if (value.trim().length === 0 || value.length > MAX_API_KEY_LENGTH) {
      throw new ValidationError([
        { path: 'WARMPATH_BOOTSTRAP_API_KEY', message: `Must be 1 to ${MAX_API_KEY_LENGTH} characters` },
      ]);
    }
    const keyHash = sha256Hex(value);
    const allScopes: Scope[] = [...API_SCOPES];
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const current = await lockApiKeyRowByHash(trx, keyHash);
        if (!current) {
          const apiKey = await this.#insertWith(
            trx,
            value,
            { name: BOOTSTRAP_KEY_NAME, scopes: allScopes, createdBy: null },
            SYSTEM_CONTEXT,
          );
          return { apiKey, outcome: 'created' as const };
        }
        if (current.revoked_at !== null) return { apiKey: toApiKey(current), outcome: 'revoked' as const };
        if (jsonEqual(current.scopes, allScopes))
          return { apiKey: toApiKey(current), outcome: 'unchanged' as const };
        const row = await updateApiKeyRow(trx, current.id, { scopes: json(allScopes) });
        await recordAudit(trx, {
          ...SYSTEM_CONTEXT,
          action: API_KEY_AUDIT_ACTIONS.scopesChanged,
          target: { type: 'api_key', id: row.id },
          changes: diffChanges(auditSnapshot(current), auditSnapshot(row)),
          at: this.#clock.now(),
        });
        return { apiKey: toApiKey(row), outcome: 'updated' as const };
      });
    } catch (error) {
      // Another instance booting at the same moment inserted it first.
      if (isUniqueViolation(error)) return this.ensureBootstrapApiKey(value);
      throw error;
    }
  }

  async #insert(
    key: string,
    fields: { name: string; scopes: Scope[]; createdBy: string | null },
    context: AuditContext,
  ): Promise<ApiKey> {
    return this.#db.transaction().execute((trx) => this.#insertWith(trx, key, fields, context));
  }

  async #insertWith(
    trx: Executor,
    key: string,
    fields: { name: string; scopes: Scope[]; createdBy: string | null },
    context: AuditContext,
  ): Promise<ApiKey> {
    const now = this.#clock.now();
    const row = await insertApiKeyRow(trx, {
      id: newId(),
      name: fields.name,
      prefix: visiblePrefix(key),
      key_hash: sha256Hex(key),
      scopes: json(fields.scopes),
      created_by: fields.createdBy,
      created_at: now,
    });
    await recordAudit(trx, {
      ...context,
      action: API_KEY_AUDIT_ACTIONS.created,
      target: { type: 'api_key', id: row.id },
      changes: diffChanges({}, auditSnapshot(row)),
      at: now,
    });
    return toApiKey(row);
  }
}

/** Throws a `ForbiddenError` unless the key carries `scope` (the REST layer's per-route check). */
export function assertScope(apiKey: Pick<ApiKey, 'scopes'>, scope: Scope): void {
  if (!apiKey.scopes.includes(scope)) throw new ForbiddenError(`This API key lacks the ${scope} scope`);
}

function actingUser(userId: string | null | undefined): AuditContext {
  return userId ? { actor: { type: 'user', id: userId } } : SYSTEM_CONTEXT;
}

function apiKeyNotFound(id: string): NotFoundError {
  return new NotFoundError(`No API key with id ${id}`);
}
