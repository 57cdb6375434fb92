import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CrmProbe,
  createTestCrmPlugin,
  type EngineHarness,
  eventually,
  startEngineHarness,
} from '../../testing/engine-harness.js';
import { testStacks } from '../../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('CRM pushes surviving a restart on $name', (stack) => {
  let harness: EngineHarness;
  let isCrmDown = true;
  const probe: CrmProbe = {
    pushBehaviour: () => (isCrmDown ? 'throw' : 'ok'),
    pullBehaviour: 'ok',
    upserts: [],
    feed: [],
  };

  beforeAll(async () => {
    // A retry a second away: the runtime stops while the push waits for it.
    harness = await startEngineHarness(stack, [createTestCrmPlugin(probe)], {
      retry: { attempts: 5, backoffMs: 1500 },
    });
  });
  afterAll(() => harness.close());

  it('still pushes a referral whose push was failing when the process stopped', async () => {
    const referralId = await harness.submitReferral('restart.example');
    await eventually(async () => probe.upserts.includes(referralId));
    await harness.restart();
    isCrmDown = false;
    const state = await eventually(
      async () => (await harness.runtime.services.crmSync.syncStates(referralId))[0]?.status === 'ok',
    );
    expect(state).toBe(true);
  });
});
