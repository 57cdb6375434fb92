import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load-config.js';

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // `Origin: null` and other opaque origins match nothing
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site state-changing requests that carry cookies (CSRF). Browsers send `Sec-Fetch-Site` on every
 * request; older ones at least send `Origin` on POST. Requests without cookies (API keys, server-to-server) are not
 * exposed to CSRF and pass.
 */
export function registerCsrfProtection(app: FastifyInstance, config: Pick<Config, 'PUBLIC_URL'>) {
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.headers.cookie) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const host = request.headers.host;
    const sameOrigin =
      site !== undefined
        ? site === 'same-origin' || site === 'none'
        : origin === undefined || origin === publicOrigin || (host !== undefined && hostOf(origin) === host);
    if (!sameOrigin) {
      return reply.code(403).send({ error: 'Cross-site request refused' });
    }
  });
}
