import type { CrmChange, RewardStatusReport } from '@warmpath/plugin-sdk';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { deleteWebhookDeliveriesBefore, insertWebhookDelivery } from './webhook-delivery.repository.js';
import { outboxWebhookResultSink, type WebhookResultSinkFactory } from './webhook-result-sink.js';

/** What an authentic webhook delivery carried, by the implementation that read it. */
export type AcceptedWebhookResult =
  | { kind: 'crm'; connectorKey: string; changes: CrmChange[] }
  | { kind: 'rewards'; providerKey: string; updates: RewardStatusReport[] };

/** One authentic delivery to apply. */
export interface InboundWebhookDelivery {
  pluginId: string;
  instance: string;
  /** See `webhookDeliveryId`. */
  deliveryId: string;
  result: AcceptedWebhookResult;
}

/** Dependencies of {@link PluginWebhookService}. */
export interface PluginWebhookServiceDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** Where accepted results go; defaults to outbox rows (`outboxWebhookResultSink`). */
  sink?: WebhookResultSinkFactory | undefined;
}

/** How long delivery ids are remembered: longer than providers retry (Standard Webhooks: about 3 days). */
export const WEBHOOK_DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Applies inbound plugin webhooks once each (docs/plugins-webhooks-and-live-settings.md "Replay protection"): the
 * delivery id is remembered and the result handed to the sink in one transaction, so a replay, or a provider's
 * retry of a delivery already applied, changes nothing.
 */
export class PluginWebhookService {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #sink: WebhookResultSinkFactory;

  constructor(deps: PluginWebhookServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#sink = deps.sink ?? outboxWebhookResultSink;
  }

  /** `accepted` when applied now, `replayed` when this delivery id was already applied (nothing done). */
  async accept(delivery: InboundWebhookDelivery): Promise<'accepted' | 'replayed'> {
    return this.#db.transaction().execute(async (trx) => {
      const isNew = await insertWebhookDelivery(trx, {
        pluginId: delivery.pluginId,
        instance: delivery.instance,
        deliveryId: delivery.deliveryId,
        receivedAt: this.#clock.now(),
      });
      if (!isNew) return 'replayed';
      const sink = this.#sink(trx);
      const { result } = delivery;
      if (result.kind === 'crm') await sink.crmChanges(result.connectorKey, result.changes);
      else await sink.rewardUpdates(result.providerKey, result.updates);
      return 'accepted';
    });
  }
}

/** Forgets delivery ids older than the retention (housekeeping); returns how many. */
export function pruneWebhookDeliveries(
  db: Executor,
  now: Date,
  retentionMs = WEBHOOK_DELIVERY_RETENTION_MS,
): Promise<number> {
  return deleteWebhookDeliveriesBefore(db, new Date(now.getTime() - retentionMs));
}
