import { updateWebhookEndpointInputSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Changes an endpoint's URL, events or description, or disables/enables it (`changes.enabled`). */
export const webhookUpdate = staffProcedure
  .meta({ permission: 'webhooks:write' })
  .input(z.strictObject({ id: z.string().min(1).max(100), changes: updateWebhookEndpointInputSchema }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.webhooks.updateEndpoint(input.id, input.changes, staffAuditContext(ctx)),
  );
