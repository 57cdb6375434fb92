import { apiKeySchema, createdApiKeySchema, restCreateApiKeyInputSchema } from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyActor } from './audit-context.js';
import { errorResponses, pageOf, pageQuerySchema, problemSchema } from './schemas.js';

const keyParams = z.object({ id: z.string().min(1).max(100) });

/**
 * `/api/v1/api-keys`: API keys managed by an integration (docs/api.md "API keys"). A key never grants a scope the
 * creating key lacks, nor revokes a key with one; core's `ApiKeyService` decides, audited as the calling key.
 */
export const apiKeysRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  const { apiKeys } = runtime.services;

  app.post(
    '/api-keys',
    {
      config: { scope: 'api-keys:write' },
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key',
        description:
          'The answer carries the secret `key`; it is not shown again. Every scope asked for must be one the ' +
          'calling key holds (403 naming the others).',
        body: restCreateApiKeyInputSchema,
        response: { 201: createdApiKeySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { key, apiKey } = await apiKeys.createApiKey(request.body, apiKeyActor(request));
      return reply.code(201).send({ ...apiKey, key });
    },
  );

  app.get(
    '/api-keys',
    {
      config: { scope: 'api-keys:read' },
      schema: {
        tags: ['api-keys'],
        summary: 'List API keys',
        description: 'Newest first, revoked ones included (with `revokedAt`). Never the secret keys.',
        querystring: pageQuerySchema,
        response: { 200: pageOf(apiKeySchema), ...errorResponses },
      },
    },
    async (request) => apiKeys.listPage(request.query),
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { scope: 'api-keys:write' },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key',
        description:
          'The key stops working at once; revoking a revoked key changes nothing. The calling key must hold ' +
          'every scope of the key it revokes (403 otherwise).',
        params: keyParams,
        response: { 204: z.undefined().describe('Revoked'), 404: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await apiKeys.revokeApiKey(request.params.id, apiKeyActor(request));
      return reply.code(204).send();
    },
  );
};
