import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../app/runtime.js';
import type { CachedLink } from '../links/cached-link.js';
import { conversionsPlugin } from '../links/conversions.plugin.js';
import type { LinkCache } from '../links/link-cache.js';
import { TRACKING_SCRIPT, TRACKING_SCRIPT_ETAG } from '../links/tracking-script.js';

/** Options of {@link trackingRoutes}. */
export interface TrackingRoutesOptions {
  runtime: Runtime;
  /** The link codes conversions are checked against (the redirect's cache). */
  linkTargets: LinkCache<CachedLink>;
  conversionsPerMinute: number;
}

/**
 * The customer-site side of links (docs/api.md "Links"): `GET /t.js` serves the tracking script a customer's
 * pages include, and `POST /t/conversions` takes the conversions it reports.
 */
export async function trackingRoutes(app: FastifyInstance, options: TrackingRoutesOptions) {
  app.get('/t.js', async (request, reply) => {
    reply
      .header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800')
      .header('etag', TRACKING_SCRIPT_ETAG)
      // Loaded by <script> from the customer's origin: helmet's same-origin default would make browsers block it.
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === TRACKING_SCRIPT_ETAG) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(TRACKING_SCRIPT);
  });

  await app.register(conversionsPlugin, {
    runtime: options.runtime,
    links: options.linkTargets,
    ratePerMinute: options.conversionsPerMinute,
  });
}
