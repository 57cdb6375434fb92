import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Sends a delivery again with the same `webhook-id` (audited). */
export const webhookRedeliver = staffProcedure
  .meta({ permission: 'webhooks:write' })
  .input(z.strictObject({ deliveryId: z.string().min(1).max(100) }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.webhooks.redeliverById(input.deliveryId, staffAuditContext(ctx)),
  );
