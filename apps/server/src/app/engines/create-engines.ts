import {
  AttributionEngine,
  type Clock,
  InferenceEngine,
  type InferenceLimits,
  NotificationEngine,
  type PluginFailureListener,
} from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import type { PluginHost } from '@warmpath/plugin-sdk';
import type { PluginHealth } from '../plugins/plugin-health.js';
import { pluginResolver } from './plugin-resolver.js';

/** The engines that call attribution models, inference backends and notifiers. */
export interface Engines {
  attribution: AttributionEngine;
  inference: InferenceEngine;
  notifications: NotificationEngine;
}

/** What {@link createEngines} needs. */
export interface EngineDependencies {
  db: Kysely<Database>;
  clock: Clock;
  /** Read on every call: the host is loaded after the services. */
  host: () => PluginHost;
  health: PluginHealth;
  inferenceLimits?: Partial<InferenceLimits> | undefined;
  notificationSendTimeoutMs?: number | undefined;
}

/** Builds the engines over the plugin host, every call instrumented and every refused answer counted by health. */
export function createEngines(dependencies: EngineDependencies): Engines {
  const { db, clock, host, health } = dependencies;
  const onFailure: PluginFailureListener = ({ key, error }) => health.recordRejection(key, error);
  return {
    attribution: new AttributionEngine({ models: pluginResolver(host, 'attribution', health), onFailure }),
    inference: new InferenceEngine({
      backends: pluginResolver(host, 'inference', health),
      onFailure,
      ...(dependencies.inferenceLimits ? { limits: dependencies.inferenceLimits } : {}),
    }),
    notifications: new NotificationEngine({
      db,
      clock,
      notifiers: pluginResolver(host, 'notifiers', health),
      onFailure,
      ...(dependencies.notificationSendTimeoutMs
        ? { sendTimeoutMs: dependencies.notificationSendTimeoutMs }
        : {}),
    }),
  };
}
