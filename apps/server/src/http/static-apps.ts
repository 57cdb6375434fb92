import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where each single-page app's build lands: `apps/<name>/dist`, found from this file in src/ or dist/. */
function appDist(name: 'admin' | 'portal'): string {
  return fileURLToPath(new URL(`../../../${name}/dist/`, import.meta.url));
}

/**
 * Serves the built admin console at `/admin/` and the portal at `/portal/`. Unknown paths under each prefix get the
 * app's index.html (client-side routes); assets are immutable (hashed names) and cached for a year.
 */
export async function staticApps(app: FastifyInstance) {
  for (const name of ['admin', 'portal'] as const) {
    const root = appDist(name);
    const prefix = `/${name}/`;
    if (!existsSync(`${root}index.html`)) {
      // The same route shapes as a built app (`/admin`, `/admin/*`), so the route table does not depend on a build.
      const notBuilt = async (_request: unknown, reply: FastifyReply) =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(`The ${name} app is not built. Run \`pnpm build\` (or \`pnpm start\`, which builds it).`);
      app.get(`/${name}`, notBuilt);
      app.get(`${prefix}*`, notBuilt);
      continue;
    }
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix,
        wildcard: false,
        index: false,
        setHeaders(reply, path) {
          reply.header(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
      scope.get(`/${name}`, async (_request, reply) => reply.redirect(prefix, 301));
      scope.get(`${prefix}*`, async (request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        // Missing files with an extension are real 404s; anything else is a client-side route.
        if (/\.[a-z0-9]+$/i.test(path)) return reply.code(404).send({ error: 'Not found' });
        return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
      });
    });
  }
}
