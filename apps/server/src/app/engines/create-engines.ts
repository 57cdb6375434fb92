import {
  type Clock,
  CrmSyncEngine,
  type ImplementationResolver,
  PluginWrites,
  type ReferralService,
  RewardPayoutEngine,
} from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import type { ExtensionPointName, ExtensionPointTypes, PluginHost } from '@warmpath/plugin-sdk';

/** The engines that call CRM connectors and reward providers, and the writes plugins make through `ctx.services`. */
export interface Engines {
  crmSync: CrmSyncEngine;
  rewardPayouts: RewardPayoutEngine;
  pluginWrites: PluginWrites;
}

/** What {@link createEngines} needs. */
export interface EngineDependencies {
  db: Kysely<Database>;
  clock: Clock;
  referrals: ReferralService;
  /** Read at call time: the engines are built before the plugins are loaded (plugin facades need them). */
  host: () => PluginHost;
  /** How long one plugin call may take (default 30 s). */
  pluginCallTimeoutMs?: number | undefined;
}

/** The plugin host's implementations of one point, as core's engines look them up. */
export function hostResolver<P extends ExtensionPointName>(
  host: () => PluginHost,
  point: P,
): ImplementationResolver<ExtensionPointTypes[P]> {
  return {
    list: () => host().list(point),
    get: (key) => host().get(point, key),
  };
}

/** Builds the CRM sync and reward payout engines over the plugin host, and the plugin write use cases on top. */
export function createEngines(deps: EngineDependencies): Engines {
  const timeoutMs = deps.pluginCallTimeoutMs;
  const rewardProviders = hostResolver(deps.host, 'rewards');
  const crmSync = new CrmSyncEngine({
    db: deps.db,
    clock: deps.clock,
    referrals: deps.referrals,
    connectors: hostResolver(deps.host, 'crm'),
    timeoutMs,
  });
  const rewardPayouts = new RewardPayoutEngine({
    db: deps.db,
    clock: deps.clock,
    providers: rewardProviders,
    timeoutMs,
  });
  const pluginWrites = new PluginWrites({
    referrals: deps.referrals,
    crmSync,
    rewardPayouts,
    rewardProviderKeys: () => rewardProviders.list().map((provider) => provider.key),
  });
  return { crmSync, rewardPayouts, pluginWrites };
}
