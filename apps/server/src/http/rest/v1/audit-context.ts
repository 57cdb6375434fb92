import type { AuditContext, Scope } from '@warmpath/core';
import type { FastifyRequest } from 'fastify';

/** Who acts in a REST request, for the audit log: the API key, from the client's address. */
export function apiKeyAuditContext(request: FastifyRequest): AuditContext {
  return { actor: { type: 'api_key', id: request.apiKey?.id ?? null }, ip: request.ip };
}

/**
 * The API key with its scopes, for core policies that decide by them (a `ReferralMover` moving referrals, an
 * `ApiKeyManager` granting scopes). Only for scoped routes, where the auth hook has set the key.
 */
export function apiKeyActor(request: FastifyRequest): {
  actor: { type: 'api_key'; id: string };
  scopes: readonly Scope[];
  ip: string;
} {
  const key = request.apiKey;
  if (!key) throw new Error(`${request.method} ${request.routeOptions.url} ran without an API key`);
  return { actor: { type: 'api_key', id: key.id }, scopes: key.scopes, ip: request.ip };
}
