import { decideReview, type ReviewDecision, reviewDecisionInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffActor } from '../staff-audit-context.js';

function decision(kind: ReviewDecision) {
  return staffProcedure
    .meta({ permission: 'referrals:review' })
    .input(reviewDecisionInputSchema)
    .mutation(async ({ ctx, input }) => {
      await decideReview(ctx.runtime.services.referrals, kind, input, staffActor(ctx));
      return ctx.runtime.services.referrals.detailFor(input.id, staffActor(ctx));
    });
}

/** Accepts a held referral, with the reviewer's reason. */
export const reviewApprove = decision('approve');
/** Rejects a held referral, with the reviewer's reason. */
export const reviewReject = decision('reject');
