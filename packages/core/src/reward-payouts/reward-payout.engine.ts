import { json, newId, type RewardPayoutRow } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import {
  type RewardDeliveryStatus,
  RewardIssueResultSchema,
  type RewardProvider,
  RewardRecipientSchema,
  type RewardStatusReport,
  RewardStatusReportSchema,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { type AuditActor, type AuditContext, SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { ConflictError, NotFoundError, parseInput, ValidationError } from '../errors.js';
import { callPlugin, PluginCallError } from '../plugin-points/call-plugin.js';
import type { ImplementationResolver } from '../plugin-points/implementation-resolver.js';
import { isForwardPayoutStatus } from './payout-status.js';
import {
  countIssueAttempt,
  findPayout,
  findPayoutByIdempotencyKey,
  findPayoutByRef,
  lockPayout,
  updatePayout,
} from './reward-payout.repository.js';
import {
  REWARDS_ISSUE_JOB,
  type ReportDeliveryInput,
  type RequestPayoutInput,
  type RewardPayout,
  type RewardPayoutJob,
  type RewardStatusApplyReport,
  reportDeliveryInputSchema,
  requestPayoutInputSchema,
} from './reward-payout.schema.js';
import { isSameRequest, toPayout } from './reward-payout-record.js';

/** Audit actions of payouts (`noun.verb_past`). */
export const REWARD_PAYOUT_AUDIT_ACTIONS = {
  requested: 'reward_payout.requested',
  issued: 'reward_payout.issued',
  statusChanged: 'reward_payout.status_changed',
} as const;

/** Dependencies of {@link RewardPayoutEngine}. */
export interface RewardPayoutEngineDeps {
  db: Executor;
  clock?: Clock | undefined;
  /** The reward providers (the server passes the plugin host's `rewards` implementations). */
  providers: ImplementationResolver<RewardProvider>;
  /** How long one provider call may take (default 30 s). */
  timeoutMs?: number | undefined;
}

/** Options of {@link RewardPayoutEngine.issue}. */
export interface IssueOptions {
  /** The job's last attempt: a failure now marks the payout failed instead of waiting for a retry. */
  isLastAttempt: boolean;
}

/** What {@link RewardPayoutEngine.issue} did. */
export type IssueOutcome = { status: 'issued'; payout: RewardPayout } | { status: 'skipped'; reason: string };

const applyStatusInputSchema = z.object({ updates: z.array(RewardStatusReportSchema).max(1000) });

/**
 * The payout layer of rewards (docs/plugins-crm-and-rewards-engines.md): records a payout and issues it once
 * through a `RewardProvider`, then follows its delivery. Issue 19's reward plans and approvals sit on top and call
 * {@link requestPayout}. Providers are called only through the SDK port, with a timeout, and their answers are
 * validated; the payout's idempotency key goes with every `issue()` call, so a retry after a crash never pays twice.
 */
export class RewardPayoutEngine {
  readonly #db: Executor;
  readonly #clock: Clock;
  readonly #providers: ImplementationResolver<RewardProvider>;
  readonly #timeoutMs: number;

  constructor(deps: RewardPayoutEngineDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock ?? systemClock;
    this.#providers = deps.providers;
    this.#timeoutMs = deps.timeoutMs ?? 30_000;
  }

  /**
   * Records a payout and, in the same transaction, the `rewards.issue` outbox row that pays it. Repeating a request
   * with the same idempotency key and parameters returns the first payout and schedules nothing; the same key with
   * other parameters is a `ConflictError`. An unknown provider is a `ValidationError` on `providerKey`.
   */
  async requestPayout(
    input: RequestPayoutInput,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<RewardPayout> {
    const request = parseInput(requestPayoutInputSchema, input);
    if (!this.#providers.get(request.providerKey)) {
      throw new ValidationError([
        { path: 'providerKey', message: `No reward provider ${request.providerKey}` },
      ]);
    }
    return this.#db.transaction().execute(async (trx) => {
      const existing = await findPayoutByIdempotencyKey(trx, request.idempotencyKey);
      if (existing) {
        if (!isSameRequest(existing, request)) {
          throw new ConflictError(
            `Idempotency key "${request.idempotencyKey}" was already used for a different payout`,
          );
        }
        return toPayout(existing);
      }
      const id = newId();
      const now = this.#clock.now();
      await trx
        .insertInto('reward_payouts')
        .values({
          id,
          provider_key: request.providerKey,
          idempotency_key: request.idempotencyKey,
          recipient: json(request.recipient),
          amount_minor: request.amount,
          currency: request.currency,
          kind: request.kind,
          catalog_item_id: request.catalogItemId ?? null,
          meta: request.meta ? json(request.meta) : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(trx, {
        actor: context.actor,
        ip: context.ip,
        action: REWARD_PAYOUT_AUDIT_ACTIONS.requested,
        target: { type: 'reward_payout', id },
        changes: { providerKey: request.providerKey, amount: request.amount, currency: request.currency },
        at: now,
      });
      const payload: RewardPayoutJob = { payoutId: id };
      await writeOutbox(trx, { jobName: REWARDS_ISSUE_JOB, payload, idempotencyKey: `rewards.issue.${id}` });
      const row = await findPayout(trx, id);
      if (!row) throw new NotFoundError(`No payout ${id}`);
      return toPayout(row);
    });
  }

  /**
   * Pays a payout through its provider (the `rewards.issue` job): sends the payout's idempotency key, validates the
   * answer and stores the provider's ref and status. A payout that already has a ref is not issued again. A failure
   * is recorded in `last_error` and thrown for the job to retry (an invalid answer too: the same key makes the
   * retry safe), except a refused idempotency key, which fails the payout at once; the last attempt's failure
   * marks the payout failed.
   */
  async issue(payoutId: string, options: IssueOptions): Promise<IssueOutcome> {
    const payout = await findPayout(this.#db, payoutId);
    if (!payout) return { status: 'skipped', reason: `No payout ${payoutId}` };
    if (payout.provider_ref !== null || payout.status !== 'pending') {
      return { status: 'skipped', reason: `Payout ${payoutId} was already issued` };
    }
    const provider = this.#providers.get(payout.provider_key);
    await countIssueAttempt(this.#db, payoutId, this.#clock.now());
    try {
      if (!provider) throw new Error(`No reward provider ${payout.provider_key} is loaded`);
      const result = await callPlugin({
        key: payout.provider_key,
        method: 'issue',
        timeoutMs: this.#timeoutMs,
        schema: RewardIssueResultSchema,
        retryInvalidResult: true,
        call: () =>
          provider.issue({
            idempotencyKey: payout.idempotency_key,
            recipient: RewardRecipientSchema.parse(payout.recipient),
            amount: Number(payout.amount_minor),
            currency: payout.currency,
            kind: toPayout(payout).kind,
            ...(payout.catalog_item_id ? { catalogItemId: payout.catalog_item_id } : {}),
            meta: { payoutId, ...(isJsonObject(payout.meta) ? payout.meta : {}) },
          }),
      });
      return { status: 'issued', payout: await this.#recordIssued(payout, result.ref, result.status) };
    } catch (error) {
      const isFinal = options.isLastAttempt || isIdempotencyConflict(error);
      const message = error instanceof Error ? error.message : String(error);
      await updatePayout(this.#db, payoutId, {
        last_error: message.slice(0, 2000),
        ...(isFinal ? { status: 'failed' as const } : {}),
        updated_at: this.#clock.now(),
      });
      if (isFinal) return { status: 'skipped', reason: `Payout ${payoutId} failed: ${message}` };
      throw error;
    }
  }

  /** Asks the provider for the payout's state (`status(ref)`) and applies it as a status report. */
  async pollStatus(payoutId: string): Promise<RewardPayout> {
    const payout = await findPayout(this.#db, payoutId);
    if (!payout) throw new NotFoundError(`No payout ${payoutId}`);
    const ref = payout.provider_ref;
    const provider = this.#providers.get(payout.provider_key);
    if (ref === null || !provider) return toPayout(payout);
    let report: RewardStatusReport;
    try {
      report = await callPlugin({
        key: payout.provider_key,
        method: 'status',
        timeoutMs: this.#timeoutMs,
        schema: RewardStatusReportSchema,
        retryInvalidResult: true,
        call: () => provider.status(ref),
      });
    } catch (error) {
      if (error instanceof PluginCallError) {
        await updatePayout(this.#db, payoutId, { last_error: error.message, updated_at: this.#clock.now() });
      }
      throw error;
    }
    await this.#applyReport([payout.provider_key], { ...report, ref }, providerActor(payout.provider_key));
    return toPayout((await findPayout(this.#db, payoutId)) ?? payout);
  }

  /**
   * Applies a provider's status reports (the `rewards.apply-status` job of webhooks) to its payouts, by ref.
   * Monotonic: a report that would move a payout backwards (delivered → processing) or out of a final state
   * changes nothing. Reports for refs the provider never returned are counted as unknown.
   */
  async applyStatusReports(
    providerKey: string,
    reports: readonly unknown[],
    actor: AuditActor = providerActor(providerKey),
  ): Promise<RewardStatusApplyReport> {
    const { updates } = parseInput(applyStatusInputSchema, { updates: reports });
    const result: RewardStatusApplyReport = { updated: 0, unchanged: 0, unknown: 0 };
    for (const report of updates) result[await this.#applyReport([providerKey], report, actor)] += 1;
    return result;
  }

  /**
   * One delivery report from a plugin (`ctx.services.rewards.reportDelivery`), for a payout of one of
   * `providerKeys` (the plugin instance's own providers): a ref of another plugin's payout is not found.
   */
  async reportDelivery(
    input: ReportDeliveryInput,
    scope: { providerKeys: readonly string[]; actor: AuditActor },
  ): Promise<'updated' | 'unchanged'> {
    const { ref, status, reason } = parseInput(reportDeliveryInputSchema, input);
    const outcome = await this.#applyReport(
      scope.providerKeys,
      { ref, status, ...(reason ? { failureReason: reason } : {}) },
      scope.actor,
    );
    if (outcome === 'unknown')
      throw new NotFoundError(`No payout of this plugin has the ref ${ref.slice(0, 100)}`);
    return outcome;
  }

  /** A payout by id; a `NotFoundError` when there is none. */
  async get(payoutId: string): Promise<RewardPayout> {
    const payout = await findPayout(this.#db, payoutId);
    if (!payout) throw new NotFoundError(`No payout ${payoutId.slice(0, 100)}`);
    return toPayout(payout);
  }

  async #recordIssued(
    payout: RewardPayoutRow,
    ref: string,
    status: RewardDeliveryStatus,
  ): Promise<RewardPayout> {
    return this.#db.transaction().execute(async (trx) => {
      const now = this.#clock.now();
      const next = isForwardPayoutStatus(payout.status, status) ? status : payout.status;
      await updatePayout(trx, payout.id, {
        provider_ref: ref,
        status: next,
        last_error: null,
        updated_at: now,
      });
      await recordAudit(trx, {
        actor: providerActor(payout.provider_key),
        action: REWARD_PAYOUT_AUDIT_ACTIONS.issued,
        target: { type: 'reward_payout', id: payout.id },
        changes: { providerRef: ref, status: { before: payout.status, after: next } },
        at: now,
      });
      const row = await findPayout(trx, payout.id);
      if (!row) throw new NotFoundError(`No payout ${payout.id}`);
      return toPayout(row);
    });
  }

  async #applyReport(
    providerKeys: readonly string[],
    report: RewardStatusReport,
    actor: AuditActor,
  ): Promise<'updated' | 'unchanged' | 'unknown'> {
    const found = await findPayoutByRef(this.#db, providerKeys, report.ref);
    if (!found) return 'unknown';
    return this.#db.transaction().execute(async (trx) => {
      const payout = await lockPayout(trx, found.id);
      if (!payout || !isForwardPayoutStatus(payout.status, report.status)) return 'unchanged';
      const now = this.#clock.now();
      const failureReason = report.status === 'failed' ? (report.failureReason ?? null) : null;
      await updatePayout(trx, payout.id, {
        status: report.status,
        failure_reason: failureReason,
        updated_at: now,
      });
      await recordAudit(trx, {
        actor,
        action: REWARD_PAYOUT_AUDIT_ACTIONS.statusChanged,
        target: { type: 'reward_payout', id: payout.id },
        changes: {
          status: { before: payout.status, after: report.status },
          ...(failureReason ? { reason: failureReason } : {}),
        },
        at: now,
      });
      return 'updated';
    });
  }
}

/** The actor of what a provider reports: a plugin actor whose id is the provider's key. */
export function providerActor(providerKey: string): AuditActor {
  return { type: 'plugin', id: providerKey };
}

/** The provider said the key was used with other parameters (`IdempotencyConflictError`): retrying cannot help. */
function isIdempotencyConflict(error: unknown): boolean {
  const cause = error instanceof PluginCallError ? error.cause : error;
  return cause instanceof Error && cause.name === 'IdempotencyConflictError';
}

function isJsonObject(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
