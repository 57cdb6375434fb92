import { writeOutbox } from '@warmpath/jobs';
import {
  type CrmChange,
  CrmChangeBatchSchema,
  type CrmConnector,
  CrmUpsertResultSchema,
} from '@warmpath/plugin-sdk';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import type { DomainEventMessage } from '../domain-events/emit-domain-event.js';
import { NotFoundError, parseInput } from '../errors.js';
import { callPlugin, PluginCallError } from '../plugin-points/call-plugin.js';
import type { ImplementationResolver } from '../plugin-points/implementation-resolver.js';
import type { ReferralService } from '../referrals/referral.service.js';
import { loadReferralDetails } from '../referrals/referral-details.js';
import { applyCrmChanges, type CrmChangeActor } from './apply-crm-changes.js';
import {
  markPullFailing,
  markSyncFailing,
  markSyncOk,
  savePullCursor,
  selectPullCursor,
  selectSyncStates,
  upsertCrmRecord,
} from './crm-sync.repository.js';
import {
  applyCrmChangesInputSchema,
  CRM_PUSH_JOB,
  type CrmApplyReport,
  type CrmPullReport,
  type CrmPushJob,
  type CrmSyncState,
} from './crm-sync.schema.js';

/** Dependencies of {@link CrmSyncEngine}. */
export interface CrmSyncEngineDeps {
  db: Executor;
  clock?: Clock | undefined;
  referrals: Pick<ReferralService, 'get' | 'transition'>;
  /** The CRM connectors (the server passes the plugin host's `crm` implementations). */
  connectors: ImplementationResolver<CrmConnector>;
  /** How long one connector call may take (default 30 s). */
  timeoutMs?: number | undefined;
  /** Most pages one pull reads before it stops until the next run (default 50), so a feed that never ends cannot hold a worker. */
  maxPagesPerPull?: number | undefined;
}

/** Audit action of changes handed in through {@link CrmSyncEngine.applyChanges} (webhooks, plugin writes). */
export const CRM_CHANGES_APPLIED_ACTION = 'crm.changes_applied';

/** The domain events that change what a CRM should hold about a referral. */
const PUSH_EVENTS: ReadonlySet<string> = new Set(['referral.created', 'referral.status_changed']);

/** What {@link CrmSyncEngine.pushReferral} did. */
export type CrmPushOutcome = { status: 'ok' } | { status: 'skipped'; reason: string };

/**
 * The CRM sync flow (docs/plugins-crm-and-rewards-engines.md): pushes referrals to every CRM connector, pulls
 * what sales did with them and applies it to the referral lifecycle. Connectors are called only through the SDK's
 * `CrmConnector` port, with a timeout, and their answers are validated; a failure is recorded (the referral's sync
 * state, the connector's pull state) and thrown as a {@link PluginCallError} so the job retries it.
 */
export class CrmSyncEngine {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #referrals: Pick<ReferralService, 'get' | 'transition'>;
  readonly #connectors: ImplementationResolver<CrmConnector>;
  readonly #timeoutMs: number;
  readonly #maxPages: number;

  constructor(deps: CrmSyncEngineDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#referrals = deps.referrals;
    this.#connectors = deps.connectors;
    this.#timeoutMs = deps.timeoutMs ?? 30_000;
    this.#maxPages = deps.maxPagesPerPull ?? 50;
  }

  /** The keys of the loaded connectors (`crm:<plugin>:<instance>:<name>`). */
  connectorKeys(): string[] {
    return this.#connectors.list().map((connector) => connector.key);
  }

  /**
   * Writes one `crm.push` outbox row per connector for a domain event that changes a referral (created, status
   * changed); other events write nothing. Keyed by event and connector, so a redelivered event pushes once.
   */
  async schedulePushes(event: DomainEventMessage): Promise<number> {
    const referralId = event.data.referralId;
    if (!PUSH_EVENTS.has(event.type) || typeof referralId !== 'string') return 0;
    const keys = this.connectorKeys();
    for (const connectorKey of keys) {
      const payload: CrmPushJob = { referralId, connectorKey, eventType: event.type };
      await writeOutbox(this.#db, {
        jobName: CRM_PUSH_JOB,
        payload,
        idempotencyKey: `crm.push.${event.id}.${connectorKey}`,
      });
    }
    return keys.length;
  }

  /**
   * Creates or updates the referral, its company and contacts in one connector (`upsertReferral`) and stores where
   * each was written (`crm_records`, one row per record, so a retry updates rather than duplicates) and the sync
   * state. A referral or connector that no longer exists is skipped. A failure is recorded as `failing` with the
   * error and thrown ({@link PluginCallError}; `retryable` false for an invalid answer, which a retry would repeat).
   */
  async pushReferral(referralId: string, connectorKey: string): Promise<CrmPushOutcome> {
    const connector = this.#connectors.get(connectorKey);
    if (!connector) return { status: 'skipped', reason: `No CRM connector ${connectorKey} is loaded` };
    const details = await loadReferralDetails(this.#db, referralId);
    if (!details) return { status: 'skipped', reason: `No referral ${referralId}` };
    const key = { referralId, connectorKey };
    let result: Awaited<ReturnType<CrmConnector['upsertReferral']>>;
    try {
      result = await callPlugin({
        key: connectorKey,
        method: 'upsertReferral',
        timeoutMs: this.#timeoutMs,
        schema: CrmUpsertResultSchema,
        retryInvalidResult: false,
        call: () => connector.upsertReferral(details.referral, details.company, details.contacts),
      });
    } catch (error) {
      if (error instanceof PluginCallError)
        await markSyncFailing(this.#db, key, error.message, this.#clock.now());
      throw error;
    }
    const contactIds = new Set(details.contacts.map((contact) => contact.id));
    await this.#db.transaction().execute(async (trx) => {
      const at = this.#clock.now();
      const record = { connectorKey, at };
      await upsertCrmRecord(trx, { ...record, kind: 'referral', localId: referralId, ref: result.referral });
      await upsertCrmRecord(trx, {
        ...record,
        kind: 'company',
        localId: details.company.id,
        ref: result.company,
      });
      // Only contacts of this referral: an id the connector made up must not point a ref at someone else.
      for (const contact of result.contacts.filter((entry) => contactIds.has(entry.contactId))) {
        await upsertCrmRecord(trx, {
          ...record,
          kind: 'contact',
          localId: contact.contactId,
          ref: contact.ref,
        });
      }
      await markSyncOk(trx, key, at);
    });
    return { status: 'ok' };
  }

  /**
   * Reads one connector's change feed from its stored cursor, page after page while `hasMore` (at most
   * `maxPagesPerPull`), applying each page ({@link applyChanges}) and then storing its cursor, so a crash resumes
   * after the last applied page. A failed page is recorded on the connector's pull state and thrown.
   */
  async pullChanges(connectorKey: string): Promise<CrmPullReport> {
    const connector = this.#connectors.get(connectorKey);
    if (!connector) throw new NotFoundError(`No CRM connector ${connectorKey} is loaded`);
    let cursor = await selectPullCursor(this.#db, connectorKey);
    const total: CrmApplyReport = { applied: 0, recorded: 0, refused: 0, changes: [] };
    let pages = 0;
    while (pages < this.#maxPages) {
      const since = cursor;
      let batch: Awaited<ReturnType<CrmConnector['pullChanges']>>;
      try {
        batch = await callPlugin({
          key: connectorKey,
          method: 'pullChanges',
          timeoutMs: this.#timeoutMs,
          schema: CrmChangeBatchSchema,
          retryInvalidResult: false,
          call: () => connector.pullChanges(since),
        });
      } catch (error) {
        if (error instanceof PluginCallError) {
          await markPullFailing(this.#db, connectorKey, error.message, this.#clock.now());
        }
        throw error;
      }
      pages += 1;
      const report = await this.#apply(connectorKey, batch.changes, crmActor(connectorKey));
      total.applied += report.applied;
      total.recorded += report.recorded;
      total.refused += report.refused;
      total.changes.push(...report.changes);
      await savePullCursor(this.#db, connectorKey, batch.cursor, this.#clock.now());
      const isStuck = batch.cursor === since;
      cursor = batch.cursor;
      // A connector that says "more" without moving its cursor would loop forever; the next run tries again.
      if (!batch.hasMore || isStuck) break;
    }
    return { pages, cursor, report: total };
  }

  /**
   * Applies changes reported by `connectorKey` (the `crm.apply-changes` job of webhooks, and plugins' writes):
   * the same application pulls use. Invalid changes are a `ValidationError` naming the field (`changes.0.kind`).
   * @param actor who the history and audit name: the connector by default.
   */
  async applyChanges(
    connectorKey: string,
    changes: readonly unknown[],
    actor: CrmChangeActor = crmActor(connectorKey),
  ): Promise<CrmApplyReport> {
    const input = parseInput(applyCrmChangesInputSchema, { changes });
    const report = await this.#apply(connectorKey, input.changes, actor);
    // Moves are audited one by one by the referral service; this entry says who handed the changes in.
    await recordAudit(this.#db, {
      actor,
      action: CRM_CHANGES_APPLIED_ACTION,
      target: { type: 'crm_connector', id: connectorKey },
      changes: { applied: report.applied, recorded: report.recorded, refused: report.refused },
      at: this.#clock.now(),
    });
    return report;
  }

  /** The push state of a referral in each connector it was pushed to. */
  async syncStates(referralId: string): Promise<CrmSyncState[]> {
    const rows = await selectSyncStates(this.#db, referralId);
    return rows.map((row) => ({
      referralId: row.referral_id,
      connectorKey: row.connector_key,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      lastSyncedAt: row.last_synced_at?.toISOString() ?? null,
    }));
  }

  #apply(
    connectorKey: string,
    changes: readonly CrmChange[],
    actor: CrmChangeActor,
  ): Promise<CrmApplyReport> {
    return applyCrmChanges(
      { db: this.#db, clock: this.#clock, referrals: this.#referrals },
      connectorKey,
      changes,
      actor,
    );
  }
}

/**
 * The actor of changes a connector itself reports: a plugin actor whose id is the connector's key
 * (`crm:<plugin>:<instance>:<name>`), so history and audit show the CRM and which instance.
 */
export function crmActor(connectorKey: string): CrmChangeActor {
  return { type: 'plugin', id: connectorKey };
}
