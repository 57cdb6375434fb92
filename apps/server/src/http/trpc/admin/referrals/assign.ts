import { assignReferral, assignReferralInputSchema } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';
import { staffActor, staffAuditContext } from '../staff-audit-context.js';

/** Hands a referral to a staff member who can work it (ownerId null unassigns); answers the updated page. */
export const referralAssign = staffProcedure
  .meta({ permission: 'referrals:assign' })
  .input(assignReferralInputSchema)
  .mutation(async ({ ctx, input }) => {
    await assignReferral(
      { db: ctx.runtime.database.db, clock: ctx.runtime.clock },
      input,
      staffAuditContext(ctx),
    );
    return ctx.runtime.services.referrals.detailFor(input.id, staffActor(ctx));
  });
