import { ingestEventsInputSchema, ingestEventsResultSchema } from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyAuditContext } from './audit-context.js';
import { errorResponses } from './schemas.js';

/**
 * `POST /api/v1/events` (docs/api.md "Events"): product and customer-success signals, stored as touchpoints.
 */
export const eventsRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.post(
    '/events',
    {
      config: { scope: 'events:write' },
      schema: {
        tags: ['events'],
        summary: 'Ingest events',
        description:
          'Stores 1 to 500 events. An event whose `id` was sent before is counted in `duplicates` and changes nothing.',
        body: ingestEventsInputSchema,
        response: { 202: ingestEventsResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await runtime.services.events.ingest(request.body, apiKeyAuditContext(request))),
  );
};
