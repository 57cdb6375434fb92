import type { RequestPayoutInput } from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestRewardsPlugin,
  type EngineHarness,
  eventually,
  type RewardProbe,
  startEngineHarness,
} from '../../testing/engine-harness.js';
import { testStacks } from '../../testing/test-server.js';

const stacks = await testStacks();

const payoutRequest = (idempotencyKey: string): RequestPayoutInput => ({
  providerKey: 'rewards:test-rewards:default:main',
  idempotencyKey,
  recipient: { email: 'pat@partner.example', name: 'Pat Partner' },
  amount: 5000,
  currency: 'USD',
  kind: 'gift_card',
});

describe.each(stacks)('payouts surviving a restart on $name', (stack) => {
  let harness: EngineHarness;
  let isProviderDown = true;
  const probe: RewardProbe = {
    issueBehaviour: () => (isProviderDown ? 'throw' : 'ok'),
    issued: [],
    orders: new Map(),
    status: 'delivered',
  };

  beforeAll(async () => {
    harness = await startEngineHarness(stack, [createTestRewardsPlugin(probe)], {
      retry: { attempts: 5, backoffMs: 1500 },
    });
  });
  afterAll(() => harness.close());

  it('issues a payout whose provider failed when the process stopped, paying it once', async () => {
    const payout = await harness.runtime.services.rewardPayouts.requestPayout(
      payoutRequest('reward-restart'),
    );
    await eventually(async () => probe.issued.length > 0);
    await harness.restart();
    isProviderDown = false;
    const issued = await eventually(async () => {
      const found = await harness.runtime.services.rewardPayouts.get(payout.id);
      return found.providerRef !== null ? found : undefined;
    });
    expect(new Set(probe.issued)).toEqual(new Set(['reward-restart']));
    expect(probe.orders.size).toBe(1);
    expect(issued.providerRef).toBe(probe.orders.get('reward-restart'));
  });
});
