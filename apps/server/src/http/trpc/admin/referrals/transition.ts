import { assertMayMoveReferral, getReferralDetail, transitionInputSchema } from '@warmpath/core';
import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/**
 * Moves a referral along its lifecycle (history, audit and `referral.status_changed` webhooks as for any move); a
 * move the lifecycle refuses is CONFLICT; a referral held by fraud rules is FORBIDDEN without `referrals:review`.
 * Answers the updated referral page.
 */
export const referralTransition = staffProcedure
  .meta({ permission: 'referrals:write' })
  .input(transitionInputSchema.extend({ id: z.string().min(1).max(100) }))
  .mutation(async ({ ctx, input: { id, ...move } }) => {
    await assertMayMoveReferral(ctx.runtime.database.db, id, ctx.staff.role);
    await ctx.runtime.services.referrals.transition(id, move, staffAuditContext(ctx));
    return getReferralDetail(ctx.runtime.database.db, id);
  });
