import type { InjectionToken } from 'tsyringe';
import { type AttributionModel, AttributionModelToken } from './attribution-model.js';
import { type CrmConnector, CrmConnectorToken } from './crm-connector.js';
import { type FraudRule, FraudRuleToken } from './fraud-rule.js';
import { type InferenceBackend, InferenceBackendToken } from './inference-backend.js';
import { type Notifier, NotifierToken } from './notifier.js';
import { type RewardProvider, RewardProviderToken } from './reward-provider.js';

/** The implementation type of each extension point, by the name used in `ctx.<name>.add` and in keys. */
export interface ExtensionPointTypes {
  crm: CrmConnector;
  rewards: RewardProvider;
  fraud: FraudRule;
  attribution: AttributionModel;
  inference: InferenceBackend;
  notifiers: Notifier;
}

/** The name of an extension point: `crm`, `rewards`, `fraud`, `attribution`, `inference` or `notifiers`. */
export type ExtensionPointName = keyof ExtensionPointTypes;

/** Any extension point implementation. */
export type ExtensionImplementation = ExtensionPointTypes[ExtensionPointName];

/** Every extension point name, in a stable order. */
export const EXTENSION_POINTS: readonly ExtensionPointName[] = [
  'crm',
  'rewards',
  'fraud',
  'attribution',
  'inference',
  'notifiers',
];

/** The tsyringe token of each extension point; the host registers every implementation under it too. */
export const EXTENSION_POINT_TOKENS: {
  readonly [P in ExtensionPointName]: InjectionToken<ExtensionPointTypes[P]>;
} = {
  crm: CrmConnectorToken,
  rewards: RewardProviderToken,
  fraud: FraudRuleToken,
  attribution: AttributionModelToken,
  inference: InferenceBackendToken,
  notifiers: NotifierToken,
};

/** The `apiVersion` each extension point's implementations must carry for this SDK. */
export const EXTENSION_POINT_API_VERSIONS: {
  readonly [P in ExtensionPointName]: ExtensionPointTypes[P]['apiVersion'];
} = { crm: 1, rewards: 1, fraud: 1, attribution: 1, inference: 1, notifiers: 1 };

/** Members every implementation of a point must have; the host checks them when it creates one. */
export const REQUIRED_MEMBERS: {
  readonly [P in ExtensionPointName]: readonly (keyof ExtensionPointTypes[P])[];
} = {
  crm: ['verifyConnection', 'upsertReferral', 'pullChanges'],
  rewards: ['verifyConnection', 'catalog', 'issue', 'status'],
  fraud: ['description', 'evaluate'],
  attribution: ['description', 'attribute'],
  inference: ['capabilities', 'complete'],
  notifiers: ['channel', 'send'],
};
