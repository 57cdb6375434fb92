import { listReviewQueue, reviewQueueQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** Referrals held by fraud rules, longest waiting first, each with the flags that held it. */
export const reviewList = staffProcedure
  .meta({ permission: 'referrals:review' })
  .input(reviewQueueQuerySchema)
  .query(({ ctx, input }) => listReviewQueue(ctx.runtime.database.db, input, ctx.runtime.clock.now()));
