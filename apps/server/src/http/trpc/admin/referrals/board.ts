import { referralBoard, referralBoardQuerySchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** The pipeline board of a track: each stage's count and newest cards. */
export const referralsBoard = staffProcedure
  .meta({ permission: 'referrals:read' })
  .input(referralBoardQuerySchema)
  .query(({ ctx, input }) => referralBoard(ctx.runtime.database.db, input, ctx.runtime.clock.now()));
