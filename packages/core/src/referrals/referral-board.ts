import { z } from 'zod';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral.schema.js';
import {
  countReferralsByStatus,
  listReferralsForConsole,
  type ReferralListItem,
  referralConsoleFiltersSchema,
} from './referral-console-list.js';

/** The board's filters (a track is required: a board shows one pipeline) and how many cards per column. */
export const referralBoardQuerySchema = referralConsoleFiltersSchema.omit({ status: true }).extend({
  trackId: z.string().min(1).max(100),
  cardsPerStage: z.number().int().min(1).max(100).default(20),
});
export type ReferralBoardQuery = z.input<typeof referralBoardQuerySchema>;

/** One column of the board: its stage, how many referrals are in it, the newest cards and where the list goes on. */
export interface ReferralBoardColumn {
  status: ReferralStatus;
  count: number;
  cards: ReferralListItem[];
  /** Pass to the referral list (same filters, this status) to load the column's next cards. */
  nextCursor: string | null;
}

/** The pipeline board of a track: every stage in lifecycle order, with counts and the newest cards. */
export async function referralBoard(
  executor: Executor,
  query: ReferralBoardQuery,
  now: Date,
): Promise<{ columns: ReferralBoardColumn[] }> {
  const { cardsPerStage, ...filters } = parseInput(referralBoardQuerySchema, query);
  const counts = await countReferralsByStatus(executor, filters, now);
  const columns: ReferralBoardColumn[] = [];
  for (const status of REFERRAL_STATUSES) {
    const count = counts.get(status) ?? 0;
    const page =
      count === 0
        ? { items: [], nextCursor: null }
        : await listReferralsForConsole(executor, { ...filters, status, limit: cardsPerStage }, now);
    columns.push({ status, count, cards: page.items, nextCursor: page.nextCursor });
  }
  return { columns };
}
