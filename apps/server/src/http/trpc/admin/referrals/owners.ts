import { listAssignableOwners } from '@warmpath/core';
import { staffProcedure } from '../../trpc.js';

/** Who a referral can be assigned to (for the owner picker and the track editor's routing rules). */
export const referralOwners = staffProcedure
  .meta({ permission: 'referrals:assign' })
  .query(({ ctx }) => listAssignableOwners(ctx.runtime.database.db));
