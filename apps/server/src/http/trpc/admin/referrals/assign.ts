import { assignReferral, assignReferralInputSchema, getReferralDetail } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffAuditContext } from '../staff-audit-context.js';

/** Hands a referral to a staff member who can work it (ownerId null unassigns); answers the updated page. */
export const referralAssign = staffProcedure
  .meta({ permission: 'referrals:assign' })
  .input(assignReferralInputSchema)
  .mutation(async ({ ctx, input }) => {
    const { db } = ctx.runtime.database;
    await assignReferral({ db, clock: ctx.runtime.clock }, input, staffAuditContext(ctx));
    return getReferralDetail(db, input.id);
  });
