/**
 * Implementations with one bug each, run through the contract suites by contracts-catch-bugs.test.ts (this file
 * is not matched by the test include pattern: it only runs there).
 */
import type { CrmConnector, FraudRule } from '../index.js';
import {
  describeAttributionModelContract,
  describeCrmConnectorContract,
  describeFraudRuleContract,
  describeInferenceBackendContract,
  describeNotifierContract,
  describeRewardProviderContract,
  FakeClock,
  InMemoryKvStoreProvider,
  sampleFraudContext,
} from '../testing/index.js';
import { FakeCrmRemote } from './fake-crm-remote.js';
import { createFirstTouchModel } from './sample-attribution-model.js';
import { createSampleCrmConnector } from './sample-crm-connector.js';
import { createVelocityRule } from './sample-fraud-rule.js';
import { createEchoBackend } from './sample-inference-backend.js';
import { createSampleNotifier } from './sample-notifier.js';
import { createSampleRewardProvider } from './sample-reward-provider.js';

const clock = new FakeClock();
const connector = (): CrmConnector =>
  createSampleCrmConnector(new FakeCrmRemote(), clock, 'sample-webhook-secret');
const rewards = () =>
  createSampleRewardProvider(new InMemoryKvStoreProvider(clock).namespace('n'), 'secret-123');
const velocity = (): FraudRule => createVelocityRule(5);
const flagged = [sampleFraudContext({ history: { participantReferralsLast24h: 9 } })];
let counter = 0;

describeCrmConnectorContract('crm-duplicating-upserts', () => {
  const base = connector();
  return {
    ...base,
    upsertReferral: async (referral, company, contacts) => {
      const result = await base.upsertReferral(referral, company, contacts);
      counter += 1;
      return { ...result, referral: { ...result.referral, id: `lead-copy-${counter}` } };
    },
  };
});

describeCrmConnectorContract('crm-replaying-cursor', () => {
  const base = connector();
  return {
    ...base,
    pullChanges: async () => ({ ...(await base.pullChanges(null)), cursor: '0', hasMore: false }),
  };
});

describeCrmConnectorContract('crm-trusting-webhooks', () => ({
  ...connector(),
  handleWebhook: async () => ({ ok: true, changes: [] }),
}));

describeRewardProviderContract('rewards-paying-twice', () => {
  const base = rewards();
  return {
    ...base,
    issue: (request) => base.issue({ ...request, idempotencyKey: `${request.idempotencyKey}-${++counter}` }),
  };
});

describeFraudRuleContract(
  'fraud-unexplained-score',
  () => ({ ...velocity(), evaluate: (context) => ({ ...velocity().evaluate(context), flags: [] }) }),
  { flaggedContexts: flagged },
);

describeFraudRuleContract(
  'fraud-reading-the-clock',
  () => ({
    ...velocity(),
    evaluate: (context) => ({
      ...velocity().evaluate(context),
      score: new Date().getUTCFullYear() > 2030 ? 80 : 0,
    }),
  }),
  { flaggedContexts: flagged },
);

describeFraudRuleContract('fraud-mutating-input', () => ({
  ...velocity(),
  evaluate: (context) => {
    context.history.participantReferralsLast24h += 1;
    return { score: 0, flags: [] };
  },
}));

describeFraudRuleContract('fraud-out-of-range', () => ({
  ...velocity(),
  evaluate: () => ({ score: 150, flags: [{ code: 'always', message: 'Always flagged.', evidence: {} }] }),
}));

describeAttributionModelContract('attribution-losing-credit', () => {
  const base = createFirstTouchModel();
  return {
    ...base,
    attribute: (touchpoints, conversion) =>
      base.attribute(touchpoints, conversion).map((credit) => ({ ...credit, credit: 0.9 })),
  };
});

describeAttributionModelContract('attribution-order-dependent', () => ({
  ...createFirstTouchModel(),
  attribute: (touchpoints) =>
    touchpoints.slice(0, 1).map((touchpoint) => ({ touchpointId: touchpoint.id, credit: 1 })),
}));

describeInferenceBackendContract('inference-overclaiming', () => {
  const { embed: _embed, ...base } = createEchoBackend();
  return base;
});

describeNotifierContract('notifier-resending', () => {
  const base = createSampleNotifier();
  return {
    ...base,
    send: (message) => base.send({ ...message, idempotencyKey: `${message.idempotencyKey}-${++counter}` }),
  };
});
