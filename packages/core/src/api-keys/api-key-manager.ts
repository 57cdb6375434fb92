import { roleCan } from '../access/permissions.js';
import { ForbiddenError } from '../errors.js';
import type { StaffRole } from '../users/user.schema.js';
import { API_SCOPES, type Scope } from './api-key.schema.js';

/**
 * Who creates or revokes an API key, with what they hold: a staff member (the scopes their role's permissions
 * include), an API key (its own scopes) or the system (the CLI, `WARMPATH_BOOTSTRAP_API_KEY`, every scope).
 */
export type ApiKeyManager =
  | { actor: { type: 'user'; id: string }; role: StaffRole; ip?: string | null | undefined }
  | { actor: { type: 'api_key'; id: string }; scopes: readonly Scope[]; ip?: string | null | undefined }
  | { actor: { type: 'system'; id: null }; ip?: string | null | undefined };

/** The system managing keys: every scope. */
export const SYSTEM_KEY_MANAGER: ApiKeyManager = Object.freeze({
  actor: { type: 'system' as const, id: null },
});

/** The scopes `manager` holds, and so may put on a key (or take away by revoking one). */
export function scopesHeldBy(manager: ApiKeyManager): readonly Scope[] {
  if ('role' in manager) return API_SCOPES.filter((scope) => roleCan(manager.role, scope));
  if ('scopes' in manager) return manager.scopes;
  return API_SCOPES;
}

/**
 * Refuses (`ForbiddenError`, naming them) scopes the manager does not hold: a key never carries a scope its creator
 * lacks, and nobody revokes a key more powerful than they are.
 */
export function assertHoldsScopes(
  manager: ApiKeyManager,
  scopes: readonly string[],
  doing: 'grant' | 'revoke a key with',
): void {
  const held = new Set<string>(scopesHeldBy(manager));
  const missing = scopes.filter((scope) => !held.has(scope));
  if (missing.length === 0) return;
  const isKey = manager.actor.type === 'api_key';
  const lacks = isKey ? 'This API key cannot' : 'You cannot';
  throw new ForbiddenError(
    `${lacks} ${doing} scopes ${isKey ? 'it lacks' : 'you lack'}: ${missing.join(', ')}`,
  );
}
