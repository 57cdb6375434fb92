import {
  type Clock,
  CrmSyncEngine,
  PluginWrites,
  type ReferralService,
  RewardPayoutEngine,
} from '@warmpath/core';
import type { Database, Kysely } from '@warmpath/db';
import type { PluginHost } from '@warmpath/plugin-sdk';
import type { PluginHealth } from '../plugins/plugin-health.js';
import { pluginResolver } from './plugin-resolver.js';

/** The engines that call CRM connectors and reward providers, and the writes plugins make through `ctx.services`. */
export interface CrmAndPayoutEngines {
  crmSync: CrmSyncEngine;
  rewardPayouts: RewardPayoutEngine;
  pluginWrites: PluginWrites;
}

/** What {@link createCrmAndPayoutEngines} needs. */
export interface CrmAndPayoutEngineDependencies {
  db: Kysely<Database>;
  clock: Clock;
  referrals: ReferralService;
  /** Read at call time: the engines are built before the plugins are loaded (plugin facades need them). */
  host: () => PluginHost;
  /** Counts and times every call into a connector or provider. */
  health: PluginHealth;
  /** How long one plugin call may take (default 30 s). */
  pluginCallTimeoutMs?: number | undefined;
}

/** Builds the CRM sync and reward payout engines over the plugin host, and the plugin write use cases on top. */
export function createCrmAndPayoutEngines(deps: CrmAndPayoutEngineDependencies): CrmAndPayoutEngines {
  const timeoutMs = deps.pluginCallTimeoutMs;
  const rewardProviders = pluginResolver(deps.host, 'rewards', deps.health);
  const crmSync = new CrmSyncEngine({
    db: deps.db,
    clock: deps.clock,
    referrals: deps.referrals,
    connectors: pluginResolver(deps.host, 'crm', deps.health),
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
