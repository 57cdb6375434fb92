import { staffProcedure } from '../../trpc.js';

/** Every API key, revoked ones included, newest first: names, prefixes, scopes and last use, never secrets. */
export const apiKeysList = staffProcedure
  .meta({ permission: 'api_keys:manage' })
  .query(({ ctx }) => ctx.runtime.services.apiKeys.list());
