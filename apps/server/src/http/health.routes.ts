import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../app/runtime.js';

const READY_TIMEOUT_MS = 2000;

function withTimeout(promise: Promise<void>, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} did not answer within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** `/healthz`: the process is up. `/readyz`: the database and (if configured) Redis answer. */
export async function healthRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const { runtime } = options;
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const checks: Record<string, 'ok' | string> = {};
    const probes: [string, () => Promise<void>][] = [['database', () => runtime.database.ping()]];
    if (runtime.queue.driver === 'bullmq') probes.push(['redis', () => runtime.queue.ping()]);
    await Promise.all(
      probes.map(async ([name, probe]) => {
        try {
          await withTimeout(probe(), name);
          checks[name] = 'ok';
        } catch (error) {
          checks[name] = error instanceof Error ? error.message : String(error);
        }
      }),
    );
    const ready = Object.values(checks).every((value) => value === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
  });
}
