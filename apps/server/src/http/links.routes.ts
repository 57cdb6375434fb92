import type {} from '@fastify/helmet';
import { isLinkCode, pickRedirect } from '@warmpath/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import type { Runtime } from '../app/runtime.js';
import { type CachedLink, createLinkTargetCache } from '../links/cached-link.js';
import { clickFactsOf } from '../links/click-from-request.js';
import type { ClickRecorder } from '../links/click-recorder.js';
import { createClickRecorder } from '../links/create-click-recorder.js';
import type { LinkCache } from '../links/link-cache.js';

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
  /** The link codes to answer from (shared with the conversions endpoint); one of its own by default. */
  linkTargets?: LinkCache<CachedLink>;
  cacheTtlMs?: number;
  flushIntervalMs?: number;
  maxBufferedClicks?: number;
  /** Where click rows are built and written; defaults to the runtime's `CLICK_WRITER` choice. */
  clickWriter?: 'inline' | 'thread';
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
 * The hot path (docs/api.md "Links"): `GET /r/:code` answers from an in-memory cache of link codes and hands
 * the click to a {@link ClickRecorder} that writes in batches (on a writer thread with Postgres), so a
 * redirect never waits for the database once its code is cached. What is recorded is written out when the app
 * closes, before the runtime closes the database. Registered on the root context, outside the web surface: a
 * redirect needs none of its per-request hooks (security-header middleware, cookie parsing, CSRF checks),
 * which would cost the busiest route more than the redirect itself. The tracking script and conversions live
 * in `trackingRoutes`.
 */
async function links(app: FastifyInstance, options: LinksRoutesOptions) {
  const { runtime } = options;
  const isSecure = runtime.config.PUBLIC_URL.startsWith('https:');
  const cache = options.linkTargets ?? createLinkTargetCache(runtime, { ttlMs: options.cacheTtlMs });

  const registers = app.hasDecorator('metricsRegistry') ? [app.metricsRegistry] : [];
  const droppedClicks = new Counter({
    name: 'warmpath_clicks_dropped_total',
    help: 'Clicks dropped because the click buffer was full (the database was unreachable for too long)',
    registers,
  });
  const recorder = createClickRecorder(runtime, {
    onDropped: (count) => droppedClicks.inc(count),
    flushIntervalMs: options.flushIntervalMs,
    maxBuffered: options.maxBufferedClicks,
    writer: options.clickWriter,
  });
  new Gauge({
    name: 'warmpath_clicks_buffered',
    help: 'Clicks waiting in memory to be written to the database',
    registers,
    collect() {
      this.set(recorder.buffered);
    },
  });
  const securityHeaders = redirectSecurityHeaders(isSecure);
  app.decorate('linkClicks', {
    flush: () => recorder.flush(),
    get buffered() {
      return recorder.buffered;
    },
    get dropped() {
      return recorder.dropped;
    },
  });
  // onClose runs once the server has stopped taking requests and those in flight have finished.
  app.addHook('onClose', async () => recorder.close());

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
      recorder.record(clickFactsOf(request, link.target, destination, runtime.clock.now().getTime()));
      // no-store: a cached redirect would skip the next click's record.
      return reply
        .code(302)
        .header('location', destination)
        .header('set-cookie', link.cookie)
        .header('cache-control', 'private, no-store')
        .send();
    },
  );
}

/** Registers `GET /r/:code` on the root app (the `linkClicks` decoration is visible there). */
export const linksRoutes = fp(links, { name: 'warmpath-links' });
