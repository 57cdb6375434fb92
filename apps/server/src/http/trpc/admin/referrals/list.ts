import { listReferralsForConsole, referralConsoleListQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** The pipeline table: referrals newest first, filtered by track, stage, owner, fraud decision, SLA and company. */
export const referralsList = staffProcedure
  .meta({ permission: 'referrals:read' })
  .input(referralConsoleListQuerySchema)
  .query(({ ctx, input }) =>
    listReferralsForConsole(ctx.runtime.database.db, input, ctx.runtime.clock.now()),
  );
