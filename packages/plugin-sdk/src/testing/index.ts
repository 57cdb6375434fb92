/**
 * @warmpath/plugin-sdk/testing — an in-process test host with fake ports, sample data, and one contract suite
 * per extension point. Contract suites call vitest's `describe`/`it`: use them inside a vitest test file.
 */
export * from './contracts/attribution-model.contract.js';
export type { SubjectFactory } from './contracts/contract-support.js';
export * from './contracts/crm-connector.contract.js';
export * from './contracts/fraud-rule.contract.js';
export * from './contracts/inference-backend.contract.js';
export * from './contracts/notifier.contract.js';
export * from './contracts/reward-provider.contract.js';
export * from './create-test-host.js';
export * from './fakes/fake-clock.js';
export * from './fakes/in-memory-credentials.js';
export * from './fakes/in-memory-job-queue.js';
export * from './fakes/in-memory-kv.js';
export * from './fakes/in-memory-services.js';
export * from './fakes/loopback-fetch.js';
export * from './fakes/recording-logger.js';
export * from './fakes/test-event-bus.js';
export * from './fixtures.js';
export type { TestRouteRequest } from './route-request.js';
