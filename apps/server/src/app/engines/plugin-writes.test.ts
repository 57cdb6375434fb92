import { ForbiddenError, NotFoundError, ValidationError } from '@warmpath/core';
import type { CoreServices, CrmChange } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CrmProbe,
  createTestCrmPlugin,
  createTestRewardsPlugin,
  type EngineHarness,
  eventually,
  type RewardProbe,
  startEngineHarness,
} from '../../testing/engine-harness.js';
import { testStacks } from '../../testing/test-server.js';

const stacks = await testStacks();

const won = (referralId: string): CrmChange => ({
  kind: 'opportunity',
  occurredAt: '2026-12-01T10:00:00.000Z',
  opportunity: { system: 'test', object: 'Opportunity', id: `opp-${referralId}` },
  referralId,
  company: null,
  name: 'Big deal',
  amount: 1_000_000,
  currency: 'USD',
  stage: 'Closed Won',
  stageCategory: 'won',
  closeDate: '2026-12-01',
});

async function validationIssues(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => issue.path);
}

describe.each(stacks)('write use cases for plugins on $name', (stack) => {
  let harness: EngineHarness;
  const crm: CrmProbe = { pushBehaviour: () => 'ok', pullBehaviour: 'ok', upserts: [], feed: [] };
  const rewards: RewardProbe = {
    issueBehaviour: () => 'ok',
    issued: [],
    orders: new Map(),
    status: 'processing',
  };
  const servicesOf = (probe: { services?: CoreServices }): CoreServices => {
    if (!probe.services) throw new Error('the plugin was not registered');
    return probe.services;
  };

  beforeAll(async () => {
    harness = await startEngineHarness(stack, [createTestCrmPlugin(crm), createTestRewardsPlugin(rewards)]);
  });
  afterAll(() => harness.close());

  it('gives each plugin its own facades', () => {
    expect(servicesOf(crm)).not.toBe(servicesOf(rewards));
  });

  it('lets a CRM plugin apply the changes it read, audited as that plugin and shown in the history', async () => {
    const referralId = await harness.submitReferral('writes.example');
    const result = await servicesOf(crm).referrals.applyCrmChanges([won(referralId)]);
    expect(result).toEqual({ applied: 1, recorded: 0, refused: 0 });
    const referral = await harness.runtime.services.referrals.get(referralId);
    expect(referral.status).toBe('closed_won');
    expect(referral.history.at(-1)?.actor).toEqual({ type: 'plugin', id: 'test-crm' });
    const audit = await harness.runtime.services.audit.list({ action: 'crm.changes_applied' });
    expect(audit.data[0]).toMatchObject({
      actor: { type: 'plugin', id: 'test-crm' },
      target: { type: 'crm_connector', id: 'crm:test-crm:default:main' },
      changes: { applied: 1, recorded: 0, refused: 0 },
    });
    // Applying it again changes nothing: the referral is closed already.
    expect(await servicesOf(crm).referrals.applyCrmChanges([won(referralId)])).toEqual({
      applied: 0,
      recorded: 1,
      refused: 0,
    });
  });

  it('refuses CRM changes that do not validate, naming the field', async () => {
    const paths = await validationIssues(
      servicesOf(crm).referrals.applyCrmChanges([{ kind: 'stage', referralId: 'x' } as unknown as CrmChange]),
    );
    expect(paths).toContain('changes.0.occurredAt');
  });

  it('keeps plugins without a CRM connector from applying CRM changes', async () => {
    const referralId = await harness.submitReferral('no-crm.example');
    await expect(servicesOf(rewards).referrals.applyCrmChanges([won(referralId)])).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await harness.runtime.services.referrals.get(referralId)).status).toBe('accepted');
  });

  it('lets a plugin add an internal note, audited as that plugin, and refuses an empty one', async () => {
    const referralId = await harness.submitReferral('notes.example');
    const note = await servicesOf(crm).referrals.addNote(referralId, 'Champion confirmed budget on a call');
    const notes = await harness.runtime.services.referrals.listNotes(referralId);
    expect(notes.map((n) => n.id)).toEqual([note.id]);
    const audit = await harness.runtime.services.audit.list({
      targetId: referralId,
      action: 'referral.note_added',
    });
    expect(audit.data[0]?.actor).toEqual({ type: 'plugin', id: 'test-crm' });
    expect(await validationIssues(servicesOf(crm).referrals.addNote(referralId, '  '))).toEqual(['text']);
  });

  it('lets a reward provider plugin report the delivery of its own payouts, forward only', async () => {
    const payout = await harness.runtime.services.rewardPayouts.requestPayout({
      providerKey: 'rewards:test-rewards:default:main',
      idempotencyKey: 'writes-1',
      recipient: { email: 'pat@partner.example', name: 'Pat Partner' },
      amount: 2500,
      currency: 'EUR',
      kind: 'gift_card',
    });
    const issued = await eventually(async () => {
      const found = await harness.runtime.services.rewardPayouts.get(payout.id);
      return found.providerRef ?? undefined;
    });
    expect(await servicesOf(rewards).rewards.reportDelivery(issued, 'delivered')).toEqual({ changed: true });
    expect(await servicesOf(rewards).rewards.reportDelivery(issued, 'processing')).toEqual({
      changed: false,
    });
    expect((await harness.runtime.services.rewardPayouts.get(payout.id)).status).toBe('delivered');
    const audit = await harness.runtime.services.audit.list({
      targetId: payout.id,
      action: 'reward_payout.status_changed',
    });
    expect(audit.data[0]?.actor).toEqual({ type: 'plugin', id: 'test-rewards' });

    // Another plugin's payouts are out of reach, and a status the SDK does not know is refused by name.
    await expect(servicesOf(crm).rewards.reportDelivery(issued, 'failed')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await validationIssues(servicesOf(rewards).rewards.reportDelivery(issued, 'paid' as 'delivered')),
    ).toEqual(['status']);
  });
});
