import { transitionInputSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffActor } from '../staff-audit-context.js';

/**
 * Moves a referral along its lifecycle (history, audit and `referral.status_changed` webhooks as for any move) as
 * the staff member: core's move policy makes a referral held by fraud rules FORBIDDEN without `referrals:review`
 * (and, with `WARMPATH_SALES_OWN_REFERRALS_ONLY`, someone else's referral FORBIDDEN to sales); a move the lifecycle
 * refuses is CONFLICT. Answers the updated referral page, as this staff member may act on it.
 */
export const referralTransition = staffProcedure
  .meta({ permission: 'referrals:write' })
  .input(transitionInputSchema.extend({ id: z.string().min(1).max(100) }))
  .mutation(async ({ ctx, input: { id, ...move } }) => {
    await ctx.runtime.services.referrals.transition(id, move, staffActor(ctx));
    return ctx.runtime.services.referrals.detailFor(id, staffActor(ctx));
  });
