import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffActor } from '../staff-audit-context.js';

/** Revokes an API key (audited): it stops working at once. */
export const apiKeyRevoke = staffProcedure
  .meta({ permission: 'api_keys:manage' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .mutation(({ ctx, input }) => ctx.runtime.services.apiKeys.revokeApiKey(input.id, staffActor(ctx)));
