import type {} from '@fastify/helmet';
import { findLinkTarget, insertClicks, isLinkCode, pickRedirect } from '@warmpath/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import type { Runtime } from '../app/runtime.js';
import { type CachedLink, toCachedLink } from '../links/cached-link.js';
import { ClickBuffer } from '../links/click-buffer.js';
import { createClickFactory } from '../links/click-from-request.js';
import { conversionsPlugin } from '../links/conversions.plugin.js';
import { LinkCache } from '../links/link-cache.js';
import { TRACKING_SCRIPT, TRACKING_SCRIPT_ETAG } from '../links/tracking-script.js';

/** What the app exposes about recorded clicks (tests, benchmarks, shutdown). */
export interface LinkClicks {
  /** Writes every click buffered so far. */
  flush(): Promise<void>;
  /** Clicks waiting to be written. */
  readonly buffered: number;
  /** Clicks dropped because the buffer was full. */
  readonly dropped: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    linkClicks: LinkClicks;
  }
}

/** Tunables of {@link linksRoutes}; the defaults suit production. */
export interface LinksRoutesOptions {
  runtime: Runtime;
  cacheTtlMs?: number;
  flushIntervalMs?: number;
  maxBufferedClicks?: number;
  conversionsPerMinute?: number;
}

const NOT_FOUND_TEXT = 'This referral link does not exist or is no longer active.\n';

/**
 * The security headers of a redirect, fixed once: @fastify/helmet rebuilds its middleware on every request, which
 * would cost the hot path more than everything else it does, and an empty 302 needs no CSP or framing rules.
 */
function redirectSecurityHeaders(isSecure: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(isSecure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * The hot path (API.md "Links"): `GET /r/:code` answers from an in-memory cache of link codes and hands the click to
 * a buffer written in batches, so a redirect never waits for the database once its code is cached; `GET /t.js`
 * serves the tracking script and `POST /t/conversions` takes its conversions. The buffer is written out when the
 * app closes, before the runtime closes the database.
 */
async function links(app: FastifyInstance, options: LinksRoutesOptions) {
  const { runtime } = options;
  const db = runtime.database.db;
  const isSecure = runtime.config.PUBLIC_URL.startsWith('https:');
  const cache = new LinkCache<CachedLink>({
    load: async (code) => {
      const target = await findLinkTarget(db, code);
      return target && toCachedLink(target, { isSecure });
    },
    ...(options.cacheTtlMs === undefined ? {} : { ttlMs: options.cacheTtlMs }),
  });

  const registers = app.hasDecorator('metricsRegistry') ? [app.metricsRegistry] : [];
  const droppedClicks = new Counter({
    name: 'warmpath_clicks_dropped_total',
    help: 'Clicks dropped because the click buffer was full (the database was unreachable for too long)',
    registers,
  });
  const buffer = new ClickBuffer({
    write: (clicks) => insertClicks(runtime.database, clicks),
    logger: runtime.logger,
    onDropped: () => droppedClicks.inc(),
    ...(options.flushIntervalMs === undefined ? {} : { flushIntervalMs: options.flushIntervalMs }),
    ...(options.maxBufferedClicks === undefined ? {} : { maxBuffered: options.maxBufferedClicks }),
  });
  new Gauge({
    name: 'warmpath_clicks_buffered',
    help: 'Clicks waiting in memory to be written to the database',
    registers,
    collect() {
      this.set(buffer.size);
    },
  });
  buffer.start();
  const clickOf = createClickFactory({ ipHashSalt: runtime.ipHashSalt });
  const securityHeaders = redirectSecurityHeaders(isSecure);
  app.decorate('linkClicks', {
    flush: () => buffer.flush(),
    get buffered() {
      return buffer.size;
    },
    get dropped() {
      return buffer.droppedCount;
    },
  });
  // onClose runs once the server has stopped taking requests and those in flight have finished.
  app.addHook('onClose', async () => buffer.close());

  // A click flood must not flood the logs too: only warnings and errors of this route are logged.
  app.get<{ Params: { code: string } }>(
    '/r/:code',
    { logLevel: 'warn', helmet: false },
    async (request, reply) => {
      const { code } = request.params;
      let link: CachedLink | undefined;
      if (isLinkCode(code)) link = cache.peek(code)?.value ?? (await cache.get(code));
      reply.headers(securityHeaders);
      if (!link?.target.isActive) {
        return reply
          .code(404)
          .header('cache-control', 'no-store')
          .type('text/plain; charset=utf-8')
          .send(NOT_FOUND_TEXT);
      }
      const query = request.query as Record<string, unknown>;
      const destination = pickRedirect(link.redirects, query.to);
      buffer.add(clickOf(request, link.target, { destination, now: runtime.clock.now() }));
      // no-store: a cached redirect would skip the next click's record.
      return reply
        .code(302)
        .header('location', destination)
        .header('set-cookie', link.cookie)
        .header('cache-control', 'private, no-store')
        .send();
    },
  );

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
    runtime,
    links: cache,
    ratePerMinute: options.conversionsPerMinute ?? 60,
  });
}

/** Registers the link routes on the root app (the `linkClicks` decoration is visible there). */
export const linksRoutes = fp(links, { name: 'warmpath-links' });
