import {
  ConflictError,
  REWARDS_APPLY_STATUS_JOB,
  type RequestPayoutInput,
  type RewardPayout,
  ValidationError,
} from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestRewardsPlugin,
  type EngineHarness,
  eventually,
  type FakeBehaviour,
  type RewardProbe,
  startEngineHarness,
} from '../../testing/engine-harness.js';
import { testStacks } from '../../testing/test-server.js';

const PROVIDER = 'rewards:test-rewards:default:main';
const stacks = await testStacks();

/** Each payout's idempotency key says how the fake provider treats its `issue()` calls. */
const ISSUE_PLAN: Record<string, (call: number) => FakeBehaviour> = {
  'reward-ok': () => 'ok',
  'reward-flaky': (call) => (call === 1 ? 'throw' : 'ok'),
  'reward-hangs': (call) => (call === 1 ? 'hang' : 'ok'),
  'reward-junk': () => 'junk',
  'reward-down': () => 'throw',
};

const payoutRequest = (idempotencyKey: string): RequestPayoutInput => ({
  providerKey: PROVIDER,
  idempotencyKey,
  recipient: { email: 'pat@partner.example', name: 'Pat Partner' },
  amount: 5000,
  currency: 'USD',
  kind: 'gift_card',
});

describe.each(stacks)('reward payout engine on $name', (stack) => {
  let harness: EngineHarness;
  const probe: RewardProbe = {
    issueBehaviour: (key, call) => ISSUE_PLAN[key]?.(call) ?? 'ok',
    issued: [],
    orders: new Map(),
    status: 'delivered',
  };
  const payouts = new Map<string, RewardPayout>();
  const settled = (key: string, done: (payout: RewardPayout) => boolean) =>
    eventually(async () => {
      const payout = await harness.runtime.services.rewardPayouts.get(payouts.get(key)?.id ?? '');
      return done(payout) ? payout : undefined;
    });

  beforeAll(async () => {
    harness = await startEngineHarness(stack, [createTestRewardsPlugin(probe)]);
    for (const key of Object.keys(ISSUE_PLAN)) {
      payouts.set(key, await harness.runtime.services.rewardPayouts.requestPayout(payoutRequest(key)));
    }
  });
  afterAll(() => harness.close());

  it('records a payout with its issue job in one transaction, and a repeated request pays nothing new', async () => {
    const first = payouts.get('reward-ok');
    expect(first).toMatchObject({ status: 'pending', providerRef: null, amount: 5000 });
    const again = await harness.runtime.services.rewardPayouts.requestPayout(payoutRequest('reward-ok'));
    expect(again.id).toBe(first?.id);
    const rows = await harness.db
      .selectFrom('outbox')
      .select('id')
      .where('job_name', '=', 'rewards.issue')
      .execute();
    expect(rows).toHaveLength(Object.keys(ISSUE_PLAN).length);
  });

  it('refuses the same idempotency key for another payout, and a provider that is not loaded', async () => {
    await expect(
      harness.runtime.services.rewardPayouts.requestPayout({ ...payoutRequest('reward-ok'), amount: 9999 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const error = await harness.runtime.services.rewardPayouts
      .requestPayout({ ...payoutRequest('reward-new'), providerKey: 'rewards:gone:default:main' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('providerKey');
  });

  it('issues a payout through the provider with its idempotency key and stores the ref and status', async () => {
    const payout = await settled('reward-ok', (p) => p.providerRef !== null);
    expect(payout).toMatchObject({ status: 'processing', attempts: 1, lastError: null });
    expect(probe.issued.filter((key) => key === 'reward-ok')).toEqual(['reward-ok']);
  });

  it('retries a provider that failed after paying with the same key, so the reward is paid once', async () => {
    const payout = await settled('reward-flaky', (p) => p.providerRef !== null);
    expect(payout).toMatchObject({ status: 'processing', attempts: 2, lastError: null });
    expect(probe.issued.filter((key) => key === 'reward-flaky')).toHaveLength(2);
    expect(payout.providerRef).toBe(probe.orders.get('reward-flaky'));
  });

  it('abandons a hung issue() after the timeout and retries it with the same key', async () => {
    const payout = await settled('reward-hangs', (p) => p.providerRef !== null);
    expect(payout.attempts).toBe(2);
    expect(probe.issued.filter((key) => key === 'reward-hangs')).toHaveLength(2);
  });

  it('marks a payout failed with the last error once every attempt got junk or an error', async () => {
    const junk = await settled('reward-junk', (p) => p.status === 'failed');
    expect(junk.attempts).toBe(3);
    expect(junk.lastError).toMatch(/issue\(\) returned an invalid result/);
    const down = await settled('reward-down', (p) => p.status === 'failed');
    expect(down.lastError).toMatch(/502 Bad Gateway/);
    expect(down.providerRef).toBeNull();
  });

  it('follows delivery by polling and by reports, forward only: delivered never goes back to processing', async () => {
    const ok = await settled('reward-ok', (p) => p.providerRef !== null);
    const polled = await harness.runtime.services.rewardPayouts.pollStatus(ok.id);
    expect(polled.status).toBe('delivered');
    const report = await harness.runtime.services.rewardPayouts.applyStatusReports(PROVIDER, [
      { ref: ok.providerRef, status: 'processing' },
      { ref: 'order-unknown', status: 'delivered' },
    ]);
    expect(report).toEqual({ updated: 0, unchanged: 1, unknown: 1 });
    expect((await harness.runtime.services.rewardPayouts.get(ok.id)).status).toBe('delivered');
    const audit = await harness.runtime.services.audit.list({ targetId: ok.id });
    expect(audit.data.map((entry) => entry.action)).toEqual([
      'reward_payout.status_changed',
      'reward_payout.issued',
      'reward_payout.requested',
    ]);
  });

  it('applies status reports a webhook enqueued with rewards.apply-status', async () => {
    const flaky = await settled('reward-flaky', (p) => p.providerRef !== null);
    await harness.runtime.queue.enqueue(REWARDS_APPLY_STATUS_JOB, {
      providerKey: PROVIDER,
      updates: [{ ref: flaky.providerRef, status: 'failed', failureReason: 'Recipient email bounced' }],
    });
    const failed = await settled('reward-flaky', (p) => p.status === 'failed');
    expect(failed.failureReason).toBe('Recipient email bounced');
  });
});
