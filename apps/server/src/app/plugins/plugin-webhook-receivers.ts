import type { AcceptedWebhookResult } from '@warmpath/core';
import {
  CrmWebhookResultSchema,
  type ExtensionPointName,
  type ExtensionPointTypes,
  type PluginHost,
  type PluginHttpRequest,
  type RegisteredImplementation,
  RewardWebhookResultSchema,
} from '@warmpath/plugin-sdk';

/** What a receiver's answer became once validated. */
export type ReceivedWebhook =
  | { ok: true; result: AcceptedWebhookResult; deliveryId: string | undefined }
  | { ok: false; status: number; message: string };

/** One implementation of a plugin instance that reads inbound webhooks. */
export interface PluginWebhookReceiver {
  /** The implementation key (`crm:<plugin>:<instance>:<name>`). */
  key: string;
  name: string;
  /** Runs the plugin's parser; rejects with a zod error when its answer is not a valid result. */
  receive(request: PluginHttpRequest): Promise<ReceivedWebhook>;
}

/** How receivers are listed: `host.list` itself, or plugin health's instrumented `list` (what the route uses). */
export interface ImplementationLister {
  list<P extends ExtensionPointName>(
    host: PluginHost,
    point: P,
  ): RegisteredImplementation<ExtensionPointTypes[P]>[];
}

/** Lists straight from the host, uninstrumented. */
const hostLister: ImplementationLister = { list: (host, point) => host.list(point) };

/**
 * The webhook readers of one loaded instance, now: its CRM connectors with `handleWebhook` and its reward
 * providers with `parseWebhook`. Empty for an unknown, disabled or invalid instance. Pass `runtime.pluginHealth`
 * as `lister` so webhook calls count in the instance's health and `/metrics` like every other plugin call.
 */
export function pluginWebhookReceivers(
  host: PluginHost,
  pluginId: string,
  instance: string,
  lister: ImplementationLister = hostLister,
): PluginWebhookReceiver[] {
  const ofInstance = (entry: { plugin: string; instance: string }) =>
    entry.plugin === pluginId && entry.instance === instance;
  const receivers: PluginWebhookReceiver[] = [];
  for (const entry of lister.list(host, 'crm').filter(ofInstance)) {
    const connector = entry.impl;
    if (typeof connector.handleWebhook !== 'function') continue;
    receivers.push({
      key: entry.key,
      name: entry.name,
      async receive(request) {
        const answer = CrmWebhookResultSchema.parse(await connector.handleWebhook?.(request));
        if (!answer.ok) return answer;
        return {
          ok: true,
          deliveryId: answer.deliveryId,
          result: { kind: 'crm', connectorKey: entry.key, changes: answer.changes },
        };
      },
    });
  }
  for (const entry of lister.list(host, 'rewards').filter(ofInstance)) {
    const provider = entry.impl;
    if (typeof provider.parseWebhook !== 'function') continue;
    receivers.push({
      key: entry.key,
      name: entry.name,
      async receive(request) {
        const answer = RewardWebhookResultSchema.parse(await provider.parseWebhook?.(request));
        if (!answer.ok) return answer;
        return {
          ok: true,
          deliveryId: answer.deliveryId,
          result: { kind: 'rewards', providerKey: entry.key, updates: answer.updates },
        };
      },
    });
  }
  return receivers;
}
