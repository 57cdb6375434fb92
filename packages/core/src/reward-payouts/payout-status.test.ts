import { describe, expect, it } from 'vitest';
import { isForwardPayoutStatus } from './payout-status.js';

describe('payout status moves', () => {
  it('only go forward: a delivered payout never goes back to processing', () => {
    expect(isForwardPayoutStatus('pending', 'processing')).toBe(true);
    expect(isForwardPayoutStatus('processing', 'delivered')).toBe(true);
    expect(isForwardPayoutStatus('pending', 'failed')).toBe(true);
    expect(isForwardPayoutStatus('delivered', 'processing')).toBe(false);
    expect(isForwardPayoutStatus('processing', 'processing')).toBe(false);
  });

  it('stop at a final state', () => {
    expect(isForwardPayoutStatus('delivered', 'failed')).toBe(false);
    expect(isForwardPayoutStatus('failed', 'delivered')).toBe(false);
    expect(isForwardPayoutStatus('canceled', 'delivered')).toBe(false);
  });
});
