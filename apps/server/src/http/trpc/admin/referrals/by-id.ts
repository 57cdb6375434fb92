import { getReferralDetail } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';

/** The referral page: committee, labelled answers, owner, history, internal notes, fraud flags, next moves. */
export const referralById = staffProcedure
  .meta({ permission: 'referrals:read' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .query(({ ctx, input }) => getReferralDetail(ctx.runtime.database.db, input.id));
