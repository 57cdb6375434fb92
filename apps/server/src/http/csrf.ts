import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load-config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Check this state-changing route as same-origin even when the request carries no cookies: it signs someone in,
     * and a cross-site form that signs a visitor into the sender's account (login CSRF) needs no cookie of theirs.
     */
    sameOriginOnly?: boolean;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // `Origin: null` and other opaque origins match nothing
  }
}

/** A 403 for a cross-site state-changing request that carries cookies. */
export class CrossSiteRequestError extends Error {
  readonly statusCode = 403;
  readonly code = 'WP_ERR_CROSS_SITE_REQUEST';

  constructor() {
    super('Cross-site request refused');
    this.name = 'CrossSiteRequestError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site state-changing requests that carry cookies (CSRF). Browsers send `Sec-Fetch-Site` on every
 * request; older ones at least send `Origin` on POST. Requests without cookies (API keys, server-to-server) are not
 * exposed to CSRF and pass, except on routes marked `sameOriginOnly` (the portal's sign-in links), which sign a
 * browser in and so are checked whether or not it sends cookies.
 */
export function registerCsrfProtection(app: FastifyInstance, config: Pick<Config, 'PUBLIC_URL'>) {
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!request.headers.cookie && !request.routeOptions.config?.sameOriginOnly) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const host = request.headers.host;
    const sameOrigin =
      site !== undefined
        ? site === 'same-origin' || site === 'none'
        : origin === undefined || origin === publicOrigin || (host !== undefined && hostOf(origin) === host);
    // Thrown, not sent: each scope's error handler formats it (problem+json under /api/v1), whereas a body sent
    // here would have to match every route's response schema.
    if (!sameOrigin) throw new CrossSiteRequestError();
  });
}
