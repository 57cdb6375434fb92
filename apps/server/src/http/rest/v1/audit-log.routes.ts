import { auditEntrySchema } from '@warmpath/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../../app/runtime.js';
import { errorResponses, pageOf, pageQuerySchema } from './schemas.js';

/** `GET /api/v1/audit-log` (docs/api.md "Audit log"): newest first, filterable by action and target. */
export const auditLogRoutes: FastifyPluginAsyncZod<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.get(
    '/audit-log',
    {
      config: { scope: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log',
        querystring: pageQuerySchema.extend({
          action: z.string().min(1).max(200).optional(),
          targetId: z.string().min(1).max(200).optional(),
        }),
        response: { 200: pageOf(auditEntrySchema), ...errorResponses },
      },
    },
    async (request) => runtime.services.audit.list(request.query),
  );
};
