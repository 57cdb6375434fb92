import { CRM_APPLY_CHANGES_JOB, CRM_PULL_JOB, type CrmSyncState, PluginCallError } from '@warmpath/core';
import { JobPayloadValidationError } from '@warmpath/jobs';
import { sleep } from '@warmpath/jobs/testing';
import type { CrmChange } from '@warmpath/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CrmProbe,
  createTestCrmPlugin,
  type EngineHarness,
  eventually,
  type FakeBehaviour,
  startEngineHarness,
} from '../../testing/engine-harness.js';
import { testStacks } from '../../testing/test-server.js';

const CONNECTOR = 'crm:test-crm:default:main';
const stacks = await testStacks();

/** Each referral's company domain says how the fake CRM treats its pushes. */
const PUSH_PLAN: Record<string, (call: number) => FakeBehaviour> = {
  'ok.example': () => 'ok',
  'flaky.example': (call) => (call <= 2 ? 'throw' : 'ok'),
  'down.example': () => 'throw',
  'hangs.example': () => 'hang',
  'junk.example': () => 'junk',
};

const stageChange = (referralId: string, to: string, category: 'open' | 'won' | 'lost'): CrmChange => ({
  kind: 'stage',
  occurredAt: '2026-12-01T10:00:00.000Z',
  opportunity: { system: 'test', object: 'Opportunity', id: `opp-${referralId}` },
  referralId,
  from: null,
  to,
  stageCategory: category,
});

describe.each(stacks)('CRM sync engine on $name', (stack) => {
  let harness: EngineHarness;
  const probe: CrmProbe = {
    pushBehaviour: (domain, call) => PUSH_PLAN[domain]?.(call) ?? 'ok',
    pullBehaviour: 'ok',
    upserts: [],
    feed: [],
  };
  const referrals = new Map<string, string>();
  const pushesOf = (domain: string) => probe.upserts.filter((id) => id === referrals.get(domain)).length;
  const stateOf = async (domain: string): Promise<CrmSyncState | undefined> =>
    (await harness.runtime.services.crmSync.syncStates(referrals.get(domain) ?? ''))[0];

  beforeAll(async () => {
    harness = await startEngineHarness(stack, [createTestCrmPlugin(probe)]);
    for (const domain of Object.keys(PUSH_PLAN)) referrals.set(domain, await harness.submitReferral(domain));
  });
  afterAll(() => harness.close());

  it('pushes a new referral to the connector through the outbox and stores where each record went, once', async () => {
    const state = await eventually(async () => {
      const found = await stateOf('ok.example');
      return found?.status === 'ok' ? found : undefined;
    });
    expect(state).toMatchObject({ connectorKey: CONNECTOR, attempts: 0, lastError: null });
    const referralId = referrals.get('ok.example') ?? '';
    await harness.runtime.services.crmSync.pushReferral(referralId, CONNECTOR);
    const records = await harness.db
      .selectFrom('crm_records')
      .select(['entity_kind', 'external_id'])
      .where('connector_key', '=', CONNECTOR)
      .where('external_id', 'like', `%${referralId}%`)
      .execute();
    expect(records).toEqual([{ entity_kind: 'referral', external_id: `lead-${referralId}` }]);
    const all = await harness.db.selectFrom('crm_records').select('id').execute();
    // Three records (referral, company, contact) per referral pushed, however often it was pushed.
    expect(all.length % 3).toBe(0);
  });

  it('retries a connector that throws with back-off, and records the referral as synced once it answers', async () => {
    await eventually(async () => (await stateOf('flaky.example'))?.status === 'ok');
    expect(pushesOf('flaky.example')).toBe(3);
  });

  it('records a connector that keeps failing as failing, with the error and the attempts', async () => {
    const state = await eventually(async () => {
      const found = await stateOf('down.example');
      return found && found.attempts >= 3 ? found : undefined;
    });
    expect(state.status).toBe('failing');
    expect(state.lastError).toMatch(/503 Service Unavailable/);
    expect(state.lastSyncedAt).toBeNull();
  });

  it('gives up on a connector call that hangs after the timeout, records it and retries', async () => {
    const state = await eventually(async () => {
      const found = await stateOf('hangs.example');
      return found && found.attempts >= 2 ? found : undefined;
    });
    expect(state.status).toBe('failing');
    expect(state.lastError).toMatch(/timed out after 300 ms/);
  });

  it('records junk from a connector as a failure and does not retry what would fail the same way', async () => {
    const state = await eventually(async () => {
      const found = await stateOf('junk.example');
      return found?.status === 'failing' ? found : undefined;
    });
    expect(state.lastError).toMatch(/upsertReferral\(\) returned an invalid result/);
    await sleep(300);
    expect(pushesOf('junk.example')).toBe(1);
  });

  it('pulls changes page by page: a won opportunity closes its referral as the CRM, a backwards move is only noted', async () => {
    const won = referrals.get('ok.example') ?? '';
    probe.feed.push(
      stageChange(won, 'Negotiation', 'open'),
      stageChange(won, 'Closed Won', 'won'),
      stageChange(won, 'Closed Lost', 'lost'),
      {
        kind: 'contact_role',
        occurredAt: '2026-12-01T11:00:00.000Z',
        opportunity: { system: 'test', object: 'Opportunity', id: `opp-${won}` },
        contact: { system: 'test', object: 'Contact', id: 'c-1' },
        email: 'uma@ok.example',
        role: 'champion',
        isPrimary: true,
        removed: false,
      },
    );
    await harness.runtime.queue.enqueue(CRM_PULL_JOB, { connectorKey: CONNECTOR });
    const cursor = await eventually(async () => {
      const row = await harness.db
        .selectFrom('crm_pull_state')
        .selectAll()
        .where('connector_key', '=', CONNECTOR)
        .executeTakeFirst();
      return row?.cursor === '4' ? row : undefined;
    });
    expect(cursor.failures).toBe(0);

    const referral = await harness.runtime.services.referrals.get(won);
    expect(referral.status).toBe('closed_won');
    expect(referral.history.at(-1)).toMatchObject({
      status: 'closed_won',
      actor: { type: 'plugin', id: CONNECTOR },
    });
    const audit = await harness.runtime.services.audit.list({
      targetId: won,
      action: 'referral.status_changed',
    });
    expect(audit.data[0]?.actor).toEqual({ type: 'plugin', id: CONNECTOR });
    const outcomes = await harness.db
      .selectFrom('crm_changes')
      .select(['kind', 'outcome', 'note'])
      .where('referral_id', '=', won)
      .orderBy('recorded_at')
      .orderBy('id')
      .execute();
    expect(outcomes.map((row) => row.outcome)).toEqual(['recorded', 'applied', 'refused']);
    expect(outcomes[2]?.note).toMatch(/cannot move from closed_won to closed_lost/);

    // Nothing new: the next pull starts at the stored cursor and applies nothing twice.
    const again = await harness.runtime.services.crmSync.pullChanges(CONNECTOR);
    expect(again.report.changes).toEqual([]);
  });

  it('applies changes a webhook enqueued with crm.apply-changes, and refuses a payload that is not CRM changes', async () => {
    const lost = referrals.get('flaky.example') ?? '';
    await harness.runtime.queue.enqueue(CRM_APPLY_CHANGES_JOB, {
      connectorKey: CONNECTOR,
      changes: [stageChange(lost, 'Closed Lost', 'lost')],
    });
    await eventually(
      async () => (await harness.runtime.services.referrals.get(lost)).status === 'closed_lost',
    );
    await expect(
      harness.runtime.queue.enqueue(CRM_APPLY_CHANGES_JOB, {
        connectorKey: CONNECTOR,
        changes: [{ kind: 'stage', referralId: lost }],
      }),
    ).rejects.toBeInstanceOf(JobPayloadValidationError);
  });

  it('records a pull that gets junk on the connector and keeps the cursor where it was', async () => {
    probe.pullBehaviour = 'junk';
    const error = await harness.runtime.services.crmSync.pullChanges(CONNECTOR).catch((e: unknown) => e);
    probe.pullBehaviour = 'ok';
    expect(error).toBeInstanceOf(PluginCallError);
    const row = await harness.db
      .selectFrom('crm_pull_state')
      .selectAll()
      .where('connector_key', '=', CONNECTOR)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cursor: '4', failures: 1 });
    expect(row.last_error).toMatch(/pullChanges\(\) returned an invalid result/);
  });
});
