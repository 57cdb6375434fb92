import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';
import { endpointIdInput } from './endpoint-id-input.js';

/** Deletes an endpoint with its delivery log (to keep the log, disable it with `update` instead). */
export const webhookDelete = staffProcedure
  .meta({ permission: 'webhooks:write' })
  .input(endpointIdInput)
  .mutation(async ({ ctx, input }) => {
    await ctx.runtime.services.webhooks.deleteEndpoint(input.id, staffAuditContext(ctx));
    return { deleted: true as const };
  });
