import type { ApiKey, Scope } from '@warmpath/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../../app/runtime.js';
import { problem, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key that authenticated this request (REST v1 only). */
    apiKey: ApiKey | null;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Authenticates every v1 request by `Authorization: Bearer <api key>`; routes marked `public` (the OpenAPI
 * document and its docs page) skip it. 401 for a missing, malformed, unknown or revoked key.
 */
export function registerApiKeyAuth(app: FastifyInstance, runtime: Runtime) {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.public) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    const key = match?.[1] ? await runtime.services.apiKeys.verifyApiKey(match[1]) : null;
    if (!key) {
      reply.header('www-authenticate', 'Bearer realm="warmpath"');
      return sendProblem(reply, problem(401, 'Send a valid API key as `Authorization: Bearer <key>`'));
    }
    request.apiKey = key;
  });
}

/**
 * A route `onRequest` hook refusing (403) keys that lack `scope`. It runs before the body is read and validated, so
 * such a key gets 403 whatever it sends, and never makes the server parse its body.
 */
export function requireScope(scope: Scope) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.apiKey?.scopes.includes(scope)) {
      return sendProblem(reply, problem(403, `This API key lacks the \`${scope}\` scope`));
    }
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without an API key. */
    public?: boolean;
  }
}
