import {
  createdWebhookEndpointSchema,
  createWebhookEndpointInputSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyAuditContext } from './audit-context.js';
import { errorResponses, pageOf, pageQuerySchema, problemSchema } from './schemas.js';

const endpointParams = z.object({ id: z.string().min(1).max(100) });
const deliveryParams = endpointParams.extend({ deliveryId: z.string().min(1).max(100) });

/**
 * `/api/v1/webhook-endpoints` (docs/api.md "Webhooks"): subscriptions to domain events, delivered signed per
 * Standard Webhooks, with their delivery log and manual redelivery.
 */
export const webhookEndpointsRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (
  app,
  { runtime },
) => {
  const { webhooks } = runtime.services;

  app.post(
    '/webhook-endpoints',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Create a webhook endpoint',
        description: 'The answer carries the signing secret (`whsec_…`); it is not shown again.',
        body: createWebhookEndpointInputSchema,
        response: { 201: createdWebhookEndpointSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await webhooks.createEndpoint(request.body, apiKeyAuditContext(request))),
  );

  app.get(
    '/webhook-endpoints',
    {
      config: { scope: 'webhooks:read' },
      schema: {
        tags: ['webhooks'],
        summary: 'List webhook endpoints',
        querystring: pageQuerySchema,
        response: { 200: pageOf(webhookEndpointSchema), ...errorResponses },
      },
    },
    async (request) => webhooks.listEndpoints(request.query),
  );

  app.get(
    '/webhook-endpoints/:id',
    {
      config: { scope: 'webhooks:read' },
      schema: {
        tags: ['webhooks'],
        summary: 'Get a webhook endpoint',
        params: endpointParams,
        response: { 200: webhookEndpointSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => webhooks.getEndpoint(request.params.id),
  );

  app.delete(
    '/webhook-endpoints/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Delete a webhook endpoint',
        description: 'Deletes the endpoint and its delivery log; nothing more is sent to it.',
        params: endpointParams,
        response: { 204: z.undefined().describe('Deleted'), 404: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await webhooks.deleteEndpoint(request.params.id, apiKeyAuditContext(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      config: { scope: 'webhooks:read' },
      schema: {
        tags: ['webhooks'],
        summary: 'List the deliveries of a webhook endpoint',
        description:
          'Newest first: status, attempts and the last answer of each message sent to the endpoint.',
        params: endpointParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(webhookDeliverySchema), 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => webhooks.listDeliveries(request.params.id, request.query),
  );

  app.post(
    '/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Redeliver a message',
        description: 'Sends the message again, with the same `webhook-id`.',
        params: deliveryParams,
        response: { 202: webhookDeliverySchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await webhooks.redeliver(request.params.id, request.params.deliveryId, apiKeyAuditContext(request)),
        ),
  );
};
