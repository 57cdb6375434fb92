import { RewardDeliveryStatusSchema } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import type { AuditActor } from '../audit/audit.schema.js';
import type { CrmSyncEngine } from '../crm-sync/crm-sync.engine.js';
import type { CrmApplyReport } from '../crm-sync/crm-sync.schema.js';
import { ForbiddenError, parseInput } from '../errors.js';
import type { ReferralService } from '../referrals/referral.service.js';
import type { RewardPayoutEngine } from '../reward-payouts/reward-payout.engine.js';

/** The plugin instance a write comes from (`ctx.plugin`). */
export interface PluginWriter {
  id: string;
  instance: string;
}

/** The engines and services plugin writes go through. */
export interface PluginWritesDeps {
  referrals: Pick<ReferralService, 'addNote'>;
  crmSync: Pick<CrmSyncEngine, 'applyChanges' | 'connectorKeys'>;
  rewardPayouts: Pick<RewardPayoutEngine, 'reportDelivery'>;
  /** Keys of the reward providers loaded now (a plugin reports only on its own instance's payouts). */
  rewardProviderKeys: () => readonly string[];
}

const addNoteSchema = z.strictObject({
  referralId: z.string().min(1).max(100),
  text: z.string().trim().min(1, 'Write the note').max(5000),
});

const reportDeliverySchema = z.strictObject({
  ref: z.string().min(1).max(300),
  status: RewardDeliveryStatusSchema,
  reason: z.string().trim().min(1).max(1000).optional(),
});

/**
 * The write use cases plugins get through `ctx.services` (docs/plugins-crm-and-rewards-engines.md "Writes for
 * plugins"): narrow, validated (a `ValidationError` naming the field), and audited with the actor
 * `plugin:<plugin id>`. Each goes through the same service or engine as the product's own writes; none exposes the
 * database.
 */
export class PluginWrites {
  readonly #deps: PluginWritesDeps;

  constructor(deps: PluginWritesDeps) {
    this.#deps = deps;
  }

  /**
   * CRM changes the plugin read itself, applied as the CRM engine applies pulled ones and recorded under the
   * instance's first CRM connector. Only a plugin instance with a CRM connector may close referrals this way
   * (`ForbiddenError` otherwise): a notifier or reward plugin has no business moving deals.
   */
  async applyCrmChanges(writer: PluginWriter, changes: unknown): Promise<CrmApplyReport> {
    const list = parseInput(z.object({ changes: z.array(z.unknown()) }), { changes }).changes;
    const prefix = `crm:${writer.id}:${writer.instance}:`;
    const connectorKey = this.#deps.crmSync.connectorKeys().find((key) => key.startsWith(prefix));
    if (!connectorKey) {
      throw new ForbiddenError(
        `Plugin ${writer.id} (${writer.instance}) has no CRM connector: it cannot apply CRM changes`,
      );
    }
    return this.#deps.crmSync.applyChanges(connectorKey, list, { type: 'plugin', id: writer.id });
  }

  /** An internal note on a referral, audited as `referral.note_added` by the plugin. */
  async addNote(writer: PluginWriter, referralId: string, text: string): Promise<{ id: string }> {
    const input = parseInput(addNoteSchema, { referralId, text });
    const note = await this.#deps.referrals.addNote(input.referralId, input.text, {
      actor: pluginActor(writer),
    });
    return { id: note.id };
  }

  /** The delivery state of a payout the plugin instance's provider issued, by its ref. */
  async reportDelivery(
    writer: PluginWriter,
    ref: string,
    status: string,
    reason?: string,
  ): Promise<{ changed: boolean }> {
    const input = parseInput(reportDeliverySchema, {
      ref,
      status,
      ...(reason === undefined ? {} : { reason }),
    });
    const prefix = `rewards:${writer.id}:${writer.instance}:`;
    const outcome = await this.#deps.rewardPayouts.reportDelivery(input, {
      providerKeys: this.#deps.rewardProviderKeys().filter((key) => key.startsWith(prefix)),
      actor: pluginActor(writer),
    });
    return { changed: outcome === 'updated' };
  }
}

/** `plugin:<id>`: how the audit log and referral history name a plugin's writes. */
export function pluginActor(writer: PluginWriter): AuditActor {
  return { type: 'plugin', id: writer.id };
}
