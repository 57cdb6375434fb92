import { HTTP_METHODS } from '@warmpath/plugin-sdk';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { matchPluginRoute } from './match-plugin-route.js';
import { toPluginRequest } from './plugin-http-request.js';
import {
  createPluginWebhookHandler,
  DEFAULT_WEBHOOK_BODY_LIMIT_BYTES,
  type PluginWebhookOptions,
} from './plugin-webhook-route.js';

/** Options of {@link mountPluginRoutes}. */
export interface MountPluginRoutesOptions {
  runtime: Runtime;
  webhooks?: PluginWebhookOptions | undefined;
}

const notFound = { error: 'not_found', message: 'No such plugin route' };

/**
 * Serves plugin routes under `/plugins/<id>/<instance>/…` in one encapsulated scope, where bodies are kept raw
 * (webhook signatures are computed over the exact bytes) and the plugin answers with a plain response object.
 * Routes are looked up in the plugin host per request, so an instance reloaded with new settings answers with its
 * new routes and a disabled one stops answering. `POST /plugins/<id>/<instance>/webhook` is the host's webhook
 * endpoint for instances whose CRM connector or reward provider reads webhooks.
 */
export async function mountPluginRoutes(app: FastifyInstance, options: MountPluginRoutesOptions) {
  const { runtime } = options;
  const handleWebhook = createPluginWebhookHandler(runtime, options.webhooks);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    const servePluginRoute = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? request.url;
      // Fastify answers HEAD with the GET handler's headers; plugin routes declare GET only.
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const matched = matchPluginRoute(runtime.pluginHost.routes(), method, path);
      if (!matched) return reply.code(404).send(notFound);
      const response = await matched.route.handler(
        toPluginRequest(request, request.body as Buffer | undefined, matched.params),
      );
      reply.code(response.status);
      for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
      return response.body === undefined ? reply.send() : reply.send(response.body);
    };

    scope.route({
      method: 'POST',
      url: '/plugins/:pluginId/:instance/webhook',
      bodyLimit: options.webhooks?.bodyLimitBytes ?? DEFAULT_WEBHOOK_BODY_LIMIT_BYTES,
      handler: async (request, reply) => {
        const { pluginId, instance } = request.params as { pluginId: string; instance: string };
        const handled = await handleWebhook(request, reply, { pluginId, instance });
        if (handled) return handled;
        const known = runtime.pluginHost
          .plugins()
          .some((plugin) => plugin.id === pluginId && plugin.instances.some((i) => i.instance === instance));
        // An instance that reads no webhooks may still have a route of its own at /webhook.
        if (known) return servePluginRoute(request, reply);
        return reply
          .code(404)
          .send({ error: 'not_found', message: `No plugin ${pluginId} with an instance ${instance}` });
      },
    });
    scope.route({ method: [...HTTP_METHODS], url: '/plugins/*', handler: servePluginRoute });
  });
}
