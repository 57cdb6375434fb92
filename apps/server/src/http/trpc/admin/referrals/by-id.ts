import { z } from 'zod';
import { staffProcedure } from '../../trpc.js';
import { staffActor } from '../staff-audit-context.js';

/**
 * The referral page: committee, labelled answers, owner, history, internal notes, fraud flags, and the moves this
 * staff member may make next (none, with the reason, when the move policy refuses them).
 */
export const referralById = staffProcedure
  .meta({ permission: 'referrals:read' })
  .input(z.strictObject({ id: z.string().min(1).max(100) }))
  .query(({ ctx, input }) => ctx.runtime.services.referrals.detailFor(input.id, staffActor(ctx)));
