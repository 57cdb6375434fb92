import type { ApiKey, Scope } from '@warmpath/core';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../../app/runtime.js';
import { apiAuthFailureWait, countApiAuthFailure } from '../../rate-limits.js';
import { problem, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key that authenticated this request (REST v1 only). */
    apiKey: ApiKey | null;
  }
  interface FastifyContextConfig {
    /** Served without an API key (the OpenAPI document and its docs page). */
    public?: boolean;
    /**
     * The scope an API key needs for this v1 route. Every v1 route names one unless it is `public`; a route that
     * names neither is refused to every key (fail closed). Checked in {@link registerApiKeyAuth}, nowhere else.
     */
    scope?: Scope;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The one access check of REST v1, an `onRequest` hook on the whole v1 scope: routes marked `public` pass; every
 * other request needs `Authorization: Bearer <api key>` (401 for a missing, malformed, unknown or revoked key) and a
 * key holding the route's `config.scope` (403). It runs before the body is read and validated, so a caller without
 * the scope gets 403 whatever it sends, and never makes the server parse its body.
 *
 * Failed authentications are counted per client IP (RATE_LIMIT_API_AUTH_FAILURES_PER_MINUTE): past the limit the
 * IP gets 429 with `Retry-After` until the minute ends, before its key is looked up, so guessing keys costs the
 * database nothing and gets nowhere.
 *
 * Fail closed: a non-public route that declares no scope answers 403 to everyone (logged once per route), so a route
 * added without thinking about access is unusable rather than open. The access-matrix suite (src/security-tests) also
 * reports it.
 */
export function registerApiKeyAuth(app: FastifyInstance, runtime: Runtime) {
  const reportedUnscoped = new Set<string>();
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config?.public) return;
    const scope = config?.scope;
    // An unknown path still needs a valid key (401 first, then the 404): the API does not reveal which paths exist.
    if (!scope && !request.is404) {
      const route = `${request.method} ${request.routeOptions.url}`;
      if (!reportedUnscoped.has(route)) {
        reportedUnscoped.add(route);
        runtime.logger.error(
          { route },
          'REST v1 route declares no `config.scope` and is not `public`: refusing every request (fail closed)',
        );
      }
      return sendProblem(reply, problem(403, 'This route is not available to any API key'));
    }
    const waitSeconds = await apiAuthFailureWait(request);
    if (waitSeconds > 0) {
      reply.header('retry-after', String(waitSeconds));
      return sendProblem(
        reply,
        problem(429, `Too many failed API key authentications from this address; retry in ${waitSeconds} s`),
      );
    }
    const match = BEARER.exec(request.headers.authorization ?? '');
    const key = match?.[1] ? await runtime.services.apiKeys.verifyApiKey(match[1]) : null;
    if (!key) {
      await countApiAuthFailure(request);
      reply.header('www-authenticate', 'Bearer realm="warmpath"');
      return sendProblem(reply, problem(401, 'Send a valid API key as `Authorization: Bearer <key>`'));
    }
    request.apiKey = key;
    if (scope && !key.scopes.includes(scope)) {
      return sendProblem(reply, problem(403, `This API key lacks the \`${scope}\` scope`));
    }
  });
}
