/**
 * @warmpath/plugin-sdk — extension points, ports, `definePlugin` and the plugin host.
 * Test helpers and contract suites are in `@warmpath/plugin-sdk/testing`.
 */
export * from './dto/common.schema.js';
export * from './dto/connection-check.schema.js';
export * from './dto/json.schema.js';
export * from './dto/participant.schema.js';
export * from './dto/plugin-http.schema.js';
export * from './dto/plugin-writes.schema.js';
export * from './dto/referral.schema.js';
export * from './dto/track.schema.js';
export * from './extension-points/attribution.schema.js';
export * from './extension-points/attribution-model.js';
export * from './extension-points/crm.schema.js';
export * from './extension-points/crm-connector.js';
export * from './extension-points/extension-points.js';
export * from './extension-points/fraud.schema.js';
export * from './extension-points/fraud-rule.js';
export * from './extension-points/inference.schema.js';
export * from './extension-points/inference-backend.js';
export * from './extension-points/notification.schema.js';
export * from './extension-points/notifier.js';
export * from './extension-points/read-completion-output.js';
export * from './extension-points/reward.schema.js';
export * from './extension-points/reward-provider.js';
export { createPluginHost } from './host/create-plugin-host.js';
export { qualifiedJobName } from './host/instance-context.js';
export * from './host/plugin-host.js';
export { PluginLoadError } from './host/plugin-load-error.js';
export { pluginBasePath } from './host/route-path.js';
export * from './plugin/define-plugin.js';
export * from './plugin/implementation-key.js';
export * from './plugin/plugin-context.js';
export * from './plugin/secret.js';
export * from './plugin/settings-json-schema.js';
export type * from './ports/clock.js';
export type * from './ports/credentials.js';
export * from './ports/domain-events.schema.js';
export type * from './ports/events.js';
export type * from './ports/host-ports.js';
export type * from './ports/http-client.js';
export * from './ports/job-schedule.schema.js';
export type * from './ports/jobs.js';
export type * from './ports/kv.js';
export type * from './ports/logger.js';
export type * from './ports/services.js';
export type * from './ports/settings.js';
export { SDK_VERSION } from './version.js';
