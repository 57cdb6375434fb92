import type { AuditContext } from '@warmpath/core';
import type { FastifyRequest } from 'fastify';

/** Who acts in a REST request, for the audit log: the API key, from the client's address. */
export function apiKeyAuditContext(request: FastifyRequest): AuditContext {
  return { actor: { type: 'api_key', id: request.apiKey?.id ?? null }, ip: request.ip };
}
