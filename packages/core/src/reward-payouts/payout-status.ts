import type { RewardPayoutStatus } from '@warmpath/db';

/** How far along a payout is; reports only ever move it to a higher rank, and the last rank is final. */
const RANK: Readonly<Record<RewardPayoutStatus, number>> = {
  pending: 0,
  processing: 1,
  delivered: 2,
  failed: 2,
  canceled: 2,
};

/**
 * True when a payout in `from` may take `to`: forward only (a delivered payout never goes back to processing, a
 * late "processing" webhook after "delivered" changes nothing), and delivered, failed and canceled are final.
 */
export function isForwardPayoutStatus(from: RewardPayoutStatus, to: RewardPayoutStatus): boolean {
  return RANK[to] > RANK[from];
}
