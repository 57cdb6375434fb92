import { webhookListQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** Every webhook endpoint, disabled ones included, oldest first; never their secrets. */
export const webhooksList = staffProcedure
  .meta({ permission: 'webhooks:read' })
  .input(webhookListQuerySchema)
  .query(({ ctx, input }) => ctx.runtime.services.webhooks.listEndpoints(input));
