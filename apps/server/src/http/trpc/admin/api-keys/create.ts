import { scopeSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffActor } from '../staff-audit-context.js';

/** Creates an API key (audited). The answer carries the secret `key`: the only time anyone sees it. */
export const apiKeyCreate = staffProcedure
  .meta({ permission: 'api_keys:manage' })
  .input(z.strictObject({ name: z.string().max(100), scopes: z.array(scopeSchema).max(50) }))
  .mutation(({ ctx, input }) =>
    ctx.runtime.services.apiKeys.createApiKey({ ...input, createdBy: ctx.staff.id }, staffActor(ctx)),
  );
