import type { AuditContext, ReferralMover } from '@warmpath/core';
import type { FastifyRequest } from 'fastify';

/** Who acts in a REST request, for the audit log: the API key, from the client's address. */
export function apiKeyAuditContext(request: FastifyRequest): AuditContext {
  return { actor: { type: 'api_key', id: request.apiKey?.id ?? null }, ip: request.ip };
}

/** The API key moving a referral, with the scopes core's move policy decides by. */
export function apiKeyMover(request: FastifyRequest): ReferralMover {
  return {
    actor: { type: 'api_key', id: request.apiKey?.id ?? null },
    scopes: request.apiKey?.scopes ?? [],
    ip: request.ip,
  };
}
