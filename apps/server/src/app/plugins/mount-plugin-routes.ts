import type { PluginHttpRequest } from '@warmpath/plugin-sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';

function toPluginRequest(request: FastifyRequest, rawBody: Buffer | undefined): PluginHttpRequest {
  const text = rawBody && rawBody.length > 0 ? rawBody.toString('utf8') : null;
  let body: unknown = text;
  if (text !== null && (request.headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text; // the plugin sees the raw text and decides; a webhook signature covers the raw bytes anyway
    }
  }
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: request.method as PluginHttpRequest['method'],
    path: request.url.split('?')[0] ?? request.url,
    params: request.params as Record<string, string>,
    query: request.query as PluginHttpRequest['query'],
    headers,
    body,
    rawBody: text,
  };
}

/**
 * Mounts every plugin route under `/plugins/<id>/<instance>/…` in its own encapsulated scope, where bodies are kept
 * raw (webhook signatures are computed over the exact bytes) and the plugin answers with a plain response object.
 */
export async function mountPluginRoutes(app: FastifyInstance, options: { runtime: Runtime }) {
  const routes = options.runtime.pluginHost.routes();
  if (routes.length === 0) return;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const route of routes) {
      scope.route({
        method: route.method,
        url: route.path,
        handler: async (request, reply) => {
          const response = await route.handler(toPluginRequest(request, request.body as Buffer | undefined));
          reply.code(response.status);
          for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
          return response.body === undefined ? reply.send() : reply.send(response.body);
        },
      });
    }
  });
}
