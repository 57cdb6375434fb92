import type { ApiKeyRow, JsonValue } from '@warmpath/db';
import { type ApiKey, isScope } from './api-key.schema.js';

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // A scope retired by a later version is dropped rather than passed on as an unknown permission.
    scopes: row.scopes.filter(isScope),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** The audited fields of a key; never the key or its hash. */
export function auditSnapshot(row: ApiKeyRow | undefined): Record<string, JsonValue> {
  if (!row) return {};
  return { name: row.name, prefix: row.prefix, scopes: row.scopes, revoked: row.revoked_at !== null };
}
