import { webhookListQuerySchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';

/** The delivery log of an endpoint, newest first: status, attempts and the last answer of each message. */
export const webhookDeliveries = staffProcedure
  .meta({ permission: 'webhooks:read' })
  .input(webhookListQuerySchema.extend({ endpointId: z.string().min(1).max(100) }))
  .query(({ ctx, input }) => {
    const { endpointId, ...page } = input;
    return ctx.runtime.services.webhooks.listDeliveries(endpointId, page);
  });
