import { createTrackInputSchema, trackSchema, updateTrackInputSchema } from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { apiKeyAuditContext } from './audit-context.js';
import { errorResponses, pageOf, problemSchema } from './schemas.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });

/** `/api/v1/tracks` (docs/api.md "Tracks"). */
export const tracksRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  const { tracks } = runtime.services;

  app.post(
    '/tracks',
    {
      config: { scope: 'tracks:write' },
      schema: {
        tags: ['tracks'],
        summary: 'Create a track',
        body: createTrackInputSchema,
        response: { 201: trackSchema, 409: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tracks.create(request.body, apiKeyAuditContext(request))),
  );

  app.get(
    '/tracks',
    {
      config: { scope: 'tracks:read' },
      schema: {
        tags: ['tracks'],
        summary: 'List tracks',
        response: { 200: pageOf(trackSchema), ...errorResponses },
      },
    },
    async () => ({ data: await tracks.list(), nextCursor: null }),
  );

  app.get(
    '/tracks/:slug',
    {
      config: { scope: 'tracks:read' },
      schema: {
        tags: ['tracks'],
        summary: 'Get a track',
        params: slugParams,
        response: { 200: trackSchema, 404: problemSchema, ...errorResponses },
      },
    },
    async (request) => tracks.getBySlug(request.params.slug),
  );

  app.patch(
    '/tracks/:slug',
    {
      config: { scope: 'tracks:write' },
      schema: {
        tags: ['tracks'],
        summary: 'Change a track',
        params: slugParams,
        body: updateTrackInputSchema,
        response: { 200: trackSchema, 404: problemSchema, 409: problemSchema, ...errorResponses },
      },
    },
    async (request) => tracks.update(request.params.slug, request.body, apiKeyAuditContext(request)),
  );
};
