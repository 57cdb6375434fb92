import { createWebhookEndpointInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Creates an endpoint; the answer carries its signing secret, shown this once. */
export const webhookCreate = staffProcedure
  .meta({ permission: 'webhooks:write' })
  .input(createWebhookEndpointInputSchema)
  .mutation(({ ctx, input }) => ctx.runtime.services.webhooks.createEndpoint(input, staffAuditContext(ctx)));
