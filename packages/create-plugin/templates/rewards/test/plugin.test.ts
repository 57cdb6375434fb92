import { createTestHost, describeRewardProviderContract } from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { startFakeRewards } from './fake-rewards.js';

const provider = await startFakeRewards('rewards-token');
afterAll(() => provider.close());
beforeEach(() => provider.reset());

/** Boots the plugin in the test host, configured against the stand-in. */
const boot = (token = 'rewards-token') =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: { baseUrl: provider.baseUrl, token } } });

describeRewardProviderContract('the reward provider', () => boot().get('rewards', 'rewards'), {
  request: { catalogItemId: 'visa' },
});

describe('the rewards plugin', () => {
  it('pays a reward once, however often it is issued with the same key', async () => {
    const rewards = boot().get('rewards', 'rewards');
    const request = {
      idempotencyKey: 'reward-1',
      recipient: { email: 'riley@partner.example', name: 'Riley Partner' },
      amount: 2500,
      currency: 'USD',
      kind: 'gift_card' as const,
    };
    await rewards.issue(request);
    await rewards.issue(request);
    expect(provider.orders).toHaveLength(1);
  });

  it('reports a wrong token in Test connection without revealing it', async () => {
    const check = await boot('revoked-token').get('rewards', 'rewards').verifyConnection();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(check)).not.toContain('revoked-token');
  });
});
