import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fastifyTrustProxy } from '../config/trust-proxy.js';
import { adminExportsRoutes } from '../http/admin-exports.routes.js';
import { registerCsrfProtection } from '../http/csrf.js';
import { healthRoutes } from '../http/health.routes.js';
import { linksRoutes } from '../http/links.routes.js';
import { metricsRoutes } from '../http/metrics.js';
import { portalLoginRoutes } from '../http/portal-login.routes.js';
import { registerRateLimits } from '../http/rate-limits.js';
import { restV1 } from '../http/rest/v1/index.js';
import { staticApps } from '../http/static-apps.js';
import { trackingRoutes } from '../http/tracking.routes.js';
import { createContextFactory } from '../http/trpc/context.js';
import { type AppRouter, appRouter } from '../http/trpc/router.js';
import { type CachedLink, createLinkTargetCache } from '../links/cached-link.js';
import type { LinkCache } from '../links/link-cache.js';
import { mountPluginRoutes } from './plugins/mount-plugin-routes.js';
import type { PluginWebhookOptions } from './plugins/plugin-webhook-route.js';
import { recordRoutes } from './route-list.js';
import type { Runtime } from './runtime.js';

/** Largest request body accepted anywhere (events batches are the biggest legitimate bodies). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Prefix of the rate-limit counters in Redis; tests give each server its own. */
  rateLimitNameSpace?: string | undefined;
  /** Body limit, timeout and result sink of plugin webhooks (tests shorten the timeout). */
  pluginWebhooks?: PluginWebhookOptions | undefined;
}

/**
 * Everything a browser or an API client talks to, in one encapsulated context: security headers, cookies, the CSRF
 * check, the tracking script and conversions, tRPC, REST v1, plugin routes, portal sign-in links, exports and the
 * built admin and portal apps.
 */
async function webSurface(
  app: FastifyInstance,
  options: {
    runtime: Runtime;
    linkTargets: LinkCache<CachedLink>;
    pluginWebhooks?: PluginWebhookOptions | undefined;
  },
) {
  const { runtime } = options;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // swagger-ui and Vite's builds inline a few styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS on a plain-http localhost install would break the browser's next visit.
    hsts: runtime.config.PUBLIC_URL.startsWith('https:'),
  });
  await app.register(cookie);
  registerCsrfProtection(app, runtime.config);
  await app.register(trackingRoutes, {
    runtime,
    linkTargets: options.linkTargets,
    conversionsPerMinute: runtime.config.RATE_LIMIT_CONVERSIONS_PER_MINUTE,
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory(runtime),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          runtime.logger.error({ err: error, path }, 'tRPC procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  await app.register(restV1, { prefix: '/api/v1', runtime });
  await app.register(mountPluginRoutes, { runtime, webhooks: options.pluginWebhooks });
  await app.register(portalLoginRoutes, { runtime });
  await app.register(adminExportsRoutes, { runtime });
  await app.register(staticApps);
  app.get('/', async (_request, reply) => reply.redirect('/admin/'));
}

/**
 * The Fastify application for a runtime, not yet listening: tests drive it with `inject()`, the CLI listens.
 * MODE=worker serves only health and metrics.
 */
export async function buildApp(runtime: Runtime, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only drops pino-specific members from the instance type.
    loggerInstance: runtime.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Off unless TRUST_PROXY names the proxies: believing every X-Forwarded-For would let any client pick the IP
    // that per-IP rate limits and fraud signals count.
    trustProxy: fastifyTrustProxy(runtime.config.TRUST_PROXY),
    routerOptions: { maxParamLength: 5000 },
    // On shutdown, idle keep-alive sockets are closed at once; requests in flight still finish.
    forceCloseConnections: 'idle',
  });
  // First, so the route list the security suite checks against its access table misses no route.
  recordRoutes(app);
  // Synchronous hooks: an async one costs every request a promise, the redirect included.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  await app.register(fp(metricsRoutes), { runtime });
  await app.register(healthRoutes, { runtime });
  if (runtime.config.MODE === 'worker') return app;

  // Root-level decorator and store only (no global limit): every surface opts in.
  await registerRateLimits(app, runtime, { nameSpace: options.rateLimitNameSpace });
  const linkTargets = createLinkTargetCache(runtime);
  // The redirect sits on the root context, outside the web surface whose hooks it does not need (see linksRoutes).
  await app.register(linksRoutes, { runtime, linkTargets });
  await app.register(webSurface, { runtime, linkTargets, pluginWebhooks: options.pluginWebhooks });
  return app;
}
