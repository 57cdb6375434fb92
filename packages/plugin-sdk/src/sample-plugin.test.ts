import { describe, expect, it } from 'vitest';
import { FakeCrmRemote } from './test-fixtures/fake-crm-remote.js';
import { signSampleWebhook } from './test-fixtures/sample-crm-connector.js';
import { createSamplePlugin } from './test-fixtures/sample-plugin.js';
import {
  createTestHost,
  describeAttributionModelContract,
  describeCrmConnectorContract,
  describeFraudRuleContract,
  describeInferenceBackendContract,
  describeNotifierContract,
  describeRewardProviderContract,
  sampleFraudContext,
} from './testing/index.js';

/** A fresh host per call, so contract tests never share state. */
function bootSample() {
  const crm = new FakeCrmRemote();
  const testHost = createTestHost({ plugins: [createSamplePlugin({ crm, delivered: [] })] });
  return { testHost, crm };
}

// simulateRemoteChange acts on the remote behind the connector under test, so the suite shares one remote (as
// a plugin's suite shares one local stand-in server); the suite's data uses fresh ids, so tests stay apart.
const sharedCrm = new FakeCrmRemote();
const sharedHost = createTestHost({ plugins: [createSamplePlugin({ crm: sharedCrm, delivered: [] })] });
describeCrmConnectorContract('sample CRM connector', () => sharedHost.get('crm', 'sample-crm'), {
  simulateRemoteChange: async (_connector, upserted) => {
    sharedHost.clock.advance(60_000);
    sharedCrm.moveStage(upserted.referral.id, 'Negotiation', sharedHost.clock);
  },
});

describeRewardProviderContract('sample reward provider', () =>
  bootSample().testHost.get('rewards', 'sample-rewards'),
);

describeFraudRuleContract('sample velocity rule', () => bootSample().testHost.get('fraud', 'velocity'), {
  flaggedContexts: [sampleFraudContext({ history: { participantReferralsLast24h: 9 } })],
});

describeAttributionModelContract('sample first-touch model', () =>
  bootSample().testHost.get('attribution', 'first-touch'),
);

describeInferenceBackendContract('sample echo backend', () => bootSample().testHost.get('inference', 'echo'));

describeNotifierContract('sample notifier', () => bootSample().testHost.get('notifiers', 'sample-chat'));

describe('the sample CRM connector webhook', () => {
  it('accepts a webhook signed with the instance secret and returns its changes', async () => {
    const { testHost } = bootSample();
    const connector = testHost.get('crm', 'sample-crm');
    const change = {
      kind: 'stage',
      occurredAt: '2026-01-02T00:00:00.000Z',
      opportunity: { system: 'sample-crm', object: 'Opportunity', id: 'opportunity-9' },
      referralId: null,
      from: 'Prospecting',
      to: 'Closed Won',
      stageCategory: 'won',
    };
    const rawBody = JSON.stringify({ changes: [change] });
    const result = await connector.handleWebhook?.({
      method: 'POST',
      path: '/webhook',
      params: {},
      query: {},
      headers: { 'x-sample-signature': signSampleWebhook(rawBody, 'sample-webhook-secret') },
      body: JSON.parse(rawBody),
      rawBody,
    });
    expect(result).toEqual({ ok: true, changes: [change] });
  });
});
