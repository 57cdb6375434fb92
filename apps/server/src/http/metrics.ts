import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Runtime } from '../app/runtime.js';
import { registerPluginHealthMetrics } from './plugin-health-metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus registry served at `/metrics`. */
    metricsRegistry: Registry;
  }
}

/**
 * Prometheus metrics at `/metrics`: process defaults, HTTP request durations by route, job queue depth and the
 * outbox backlog (pending rows older than a minute mean the dispatcher is stuck or Redis is down), plugin health.
 */
export async function metricsRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Other plugins (the click buffer) add their own metrics to the one registry /metrics serves.
  app.decorate('metricsRegistry', registry);

  const httpDuration = new Histogram({
    name: 'warmpath_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  new Gauge({
    name: 'warmpath_jobs',
    help: 'Jobs by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const stats = await runtime.queue.stats().catch(() => ({}));
      for (const [queue, counts] of Object.entries(stats)) {
        for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
      }
    },
  });

  new Gauge({
    name: 'warmpath_outbox_pending',
    help: 'Outbox rows not yet handed to the job queue',
    registers: [registry],
    async collect() {
      const row = await runtime.database.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('dispatched_at', 'is', null)
        .executeTakeFirst()
        .catch(() => undefined);
      this.set(row?.count ?? 0);
    },
  });

  const stopPluginHealthMetrics = registerPluginHealthMetrics(registry, runtime);
  app.addHook('onClose', async () => stopPluginHealthMetrics());

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const expectedAuthorization = runtime.config.METRICS_TOKEN
    ? Buffer.from(`Bearer ${runtime.config.METRICS_TOKEN}`)
    : undefined;
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (expectedAuthorization && !sameSecret(request.headers.authorization, expectedAuthorization)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return reply.code(401).type('text/plain; charset=utf-8').send('Send METRICS_TOKEN as a Bearer token\n');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

/** Constant-time comparison of a presented header with the expected value. */
function sameSecret(presented: string | undefined, expected: Buffer): boolean {
  const candidate = Buffer.from(presented ?? '');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
