import { type JsonValue, newId } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import type { AuditContext } from '../audit/audit.schema.js';
import { SYSTEM_CONTEXT } from '../audit/audit.schema.js';
import { diffChanges } from '../audit/changes.js';
import { recordAudit } from '../audit/record-audit.js';
import { type Clock, systemClock } from '../clock.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import type { Executor } from '../common/executor.js';
import { isUuid } from '../common/ids.js';
import type { SecretBox } from '../common/secret-box.js';
import type { DomainEventMessage } from '../domain-events/emit-domain-event.js';
import { NotFoundError, parseInput, ValidationError } from '../errors.js';
import {
  deleteEndpointRow,
  findActiveEndpointRow,
  findDeliveryEndpointId,
  findDeliveryTarget,
  findEndpointRow,
  insertDeliveryRows,
  insertEndpointRow,
  lockDeliveryRow,
  markDeliveryPending,
  recordAttemptOnRow,
  selectActiveEndpointRows,
  selectDeliveryRows,
  selectEndpointRows,
  selectPendingDeliveryIds,
  updateEndpointRow,
} from './webhook.repository.js';
import {
  ALL_WEBHOOK_EVENTS,
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointInput,
  createWebhookEndpointInputSchema,
  type UpdateWebhookEndpointInput,
  updateWebhookEndpointInputSchema,
  WEBHOOK_AUDIT_ACTIONS,
  type WebhookDelivery,
  type WebhookDeliveryJob,
  type WebhookEndpoint,
  type WebhookListQuery,
  type WebhookPage,
  webhookListQuerySchema,
} from './webhook.schema.js';
import { webhookDeliveryJob } from './webhook-job.js';
import {
  auditSnapshot,
  toWebhookDelivery,
  toWebhookEndpoint,
  type WebhookPayload,
  webhookBody,
} from './webhook-record.js';
import { generateWebhookSecret } from './webhook-secret.js';
import { sendWebhook } from './webhook-sender.js';
import { type HostResolver, systemHostResolver, webhookUrlRefusal } from './webhook-url-guard.js';

/** Dependencies of {@link WebhookService}. */
export interface WebhookServiceDeps {
  db: Executor;
  /** Seals signing secrets at rest (the server's WARMPATH_SECRET_KEY). */
  secretBox: SecretBox;
  clock?: Clock | undefined;
  /** The HTTP client deliveries use (default: global fetch). */
  fetch?: typeof fetch | undefined;
  /** How long an endpoint may take to answer (default 10 s). */
  timeoutMs?: number | undefined;
  /**
   * Allow endpoints on loopback, private and link-local addresses (WARMPATH_ALLOW_PRIVATE_WEBHOOKS). Off by
   * default: a webhook URL is chosen by whoever holds `webhooks:write`, and must not reach the internal network.
   */
  allowPrivateAddresses?: boolean | undefined;
  /** Resolves endpoint host names for that check (default: the system resolver). */
  resolveHost?: HostResolver | undefined;
}

/** How one attempt went; a failed attempt is thrown as {@link WebhookDeliveryFailedError} instead. */
export type WebhookAttemptOutcome =
  | { status: 'succeeded'; delivery: WebhookDelivery }
  /** Nothing to send: the delivery or its endpoint is gone, or it is no longer pending. */
  | { status: 'skipped' };

/**
 * An attempt the endpoint did not accept (non-2xx, network error, timeout). Thrown so the job queue retries with
 * backoff; `delivery` shows the recorded attempt (`failed` once it was the last one).
 */
export class WebhookDeliveryFailedError extends Error {
  readonly delivery: WebhookDelivery;

  constructor(delivery: WebhookDelivery) {
    super(`Webhook delivery ${delivery.id} failed: ${delivery.lastError ?? 'unknown error'}`);
    this.name = 'WebhookDeliveryFailedError';
    this.delivery = delivery;
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Outbound webhooks (docs/api.md "Webhooks"): endpoints with their signing secrets, one delivery per domain
 * event and subscribed endpoint, Standard Webhooks signed attempts, the delivery log and manual redelivery.
 */
export class WebhookService {
  readonly #db: Executor;
  readonly #secretBox: SecretBox;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;
  readonly #allowPrivateAddresses: boolean;
  readonly #resolveHost: HostResolver;

  constructor(deps: WebhookServiceDeps) {
    this.#allowPrivateAddresses = deps.allowPrivateAddresses ?? false;
    this.#resolveHost = deps.resolveHost ?? systemHostResolver;
    this.#db = deps.db;
    this.#secretBox = deps.secretBox;
    this.#clock = deps.clock ?? systemClock;
    this.#fetch = deps.fetch;
    this.#timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Creates an endpoint (audited) and returns it with its signing secret, which is never shown again. */
  async createEndpoint(
    input: CreateWebhookEndpointInput,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<CreatedWebhookEndpoint> {
    const fields = parseInput(createWebhookEndpointInputSchema, input);
    await this.#assertReachableUrl(fields.url);
    const events = normalizeEvents(fields.events);
    const secret = generateWebhookSecret();
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const row = await insertEndpointRow(trx, {
        id: newId(),
        url: fields.url,
        events,
        description: fields.description || null,
        secretSealed: this.#secretBox.seal(secret),
        now,
      });
      await recordAudit(trx, {
        ...context,
        action: WEBHOOK_AUDIT_ACTIONS.endpointCreated,
        target: { type: 'webhook_endpoint', id: row.id },
        changes: diffChanges({}, auditSnapshot(row)),
        at: now,
      });
      return { ...toWebhookEndpoint(row), secret };
    });
  }

  /** An endpoint, enabled or not; `NotFoundError` for an unknown one. */
  async getEndpoint(id: string): Promise<WebhookEndpoint> {
    const row = isUuid(id) ? await findEndpointRow(this.#db, id) : undefined;
    if (!row) throw endpointNotFound(id);
    return toWebhookEndpoint(row);
  }

  /**
   * Every endpoint, oldest first, without their secrets: disabled ones too (the console and the API list the same),
   * each saying whether it is enabled.
   */
  async listEndpoints(query: WebhookListQuery = {}): Promise<WebhookPage<WebhookEndpoint>> {
    const { limit, cursor } = parseInput(webhookListQuerySchema, query);
    const rows = await selectEndpointRows(this.#db, {
      afterId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      limit: limit + 1,
    });
    return pageOf(rows.map(toWebhookEndpoint), limit);
  }

  /**
   * Changes an endpoint's URL, events, description or whether it is enabled (audited). A disabled endpoint gets
   * no new deliveries and its pending ones are skipped; enabling it again resumes new deliveries.
   */
  async updateEndpoint(
    id: string,
    input: UpdateWebhookEndpointInput,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<WebhookEndpoint> {
    const changes = parseInput(updateWebhookEndpointInputSchema, input);
    if (!isUuid(id)) throw endpointNotFound(id);
    if (changes.url !== undefined) await this.#assertReachableUrl(changes.url);
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const current = await findEndpointRow(trx, id);
      if (!current) throw endpointNotFound(id);
      const row = await updateEndpointRow(trx, id, {
        url: changes.url,
        events: changes.events === undefined ? undefined : normalizeEvents(changes.events),
        description: changes.description === undefined ? undefined : changes.description || null,
        disabledAt:
          changes.enabled === undefined ? undefined : changes.enabled ? null : (current.disabled_at ?? now),
      });
      const diff = diffChanges(auditSnapshot(current), auditSnapshot(row));
      if (Object.keys(diff).length > 0) {
        await recordAudit(trx, {
          ...context,
          action: WEBHOOK_AUDIT_ACTIONS.endpointUpdated,
          target: { type: 'webhook_endpoint', id },
          changes: diff,
          at: now,
        });
      }
      return toWebhookEndpoint(row);
    });
  }

  /** Deletes an endpoint with its delivery log (audited); pending deliveries to it are dropped. */
  async deleteEndpoint(id: string, context: AuditContext = SYSTEM_CONTEXT): Promise<void> {
    if (!isUuid(id)) throw endpointNotFound(id);
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      // Disabled endpoints can be deleted too (the console disables first, then cleans up).
      const row = await findEndpointRow(trx, id);
      if (!row || !(await deleteEndpointRow(trx, id))) throw endpointNotFound(id);
      await recordAudit(trx, {
        ...context,
        action: WEBHOOK_AUDIT_ACTIONS.endpointDeleted,
        target: { type: 'webhook_endpoint', id },
        changes: diffChanges(auditSnapshot(row), {}),
        at: now,
      });
    });
  }

  /** The delivery log of an endpoint, newest first; `NotFoundError` for an unknown endpoint. */
  async listDeliveries(
    endpointId: string,
    query: WebhookListQuery = {},
  ): Promise<WebhookPage<WebhookDelivery>> {
    const { limit, cursor } = parseInput(webhookListQuerySchema, query);
    // Disabled endpoints keep their log, and it stays readable.
    if (!isUuid(endpointId) || !(await findEndpointRow(this.#db, endpointId))) {
      throw endpointNotFound(endpointId);
    }
    const rows = await selectDeliveryRows(this.#db, endpointId, {
      beforeId: cursor === undefined ? undefined : decodeIdCursor(cursor),
      limit: limit + 1,
    });
    return pageOf(rows.map(toWebhookDelivery), limit);
  }

  /**
   * Sends a delivery again (audited), with the same message id so receivers can tell it is a repeat. The delivery is
   * pending again with no answer until the new attempt (the earlier answer goes to the audit entry). The send is
   * queued through the outbox in the same transaction, so it happens if and only if this call succeeds.
   */
  async redeliver(
    endpointId: string,
    deliveryId: string,
    context: AuditContext = SYSTEM_CONTEXT,
  ): Promise<WebhookDelivery> {
    if (!isUuid(endpointId) || !isUuid(deliveryId)) throw deliveryNotFound(deliveryId);
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      const current = (await findActiveEndpointRow(trx, endpointId))
        ? await lockDeliveryRow(trx, endpointId, deliveryId)
        : undefined;
      if (!current) throw deliveryNotFound(deliveryId);
      const row = await markDeliveryPending(trx, deliveryId);
      const job = webhookDeliveryJob(deliveryId, current.attempts);
      await writeOutbox(trx, { jobName: job.name, payload: job.payload, idempotencyKey: job.idempotencyKey });
      await recordAudit(trx, {
        ...context,
        action: WEBHOOK_AUDIT_ACTIONS.deliveryRedelivered,
        target: { type: 'webhook_delivery', id: deliveryId },
        // The earlier send's answer, cleared from the row, stays on record here.
        changes: {
          status: { before: current.status, after: 'pending' },
          ...diffChanges(
            {
              lastStatusCode: current.last_status_code,
              lastError: current.last_error,
              deliveredAt: current.delivered_at?.toISOString() ?? null,
            },
            { lastStatusCode: null, lastError: null, deliveredAt: null },
          ),
        },
        at: now,
      });
      return toWebhookDelivery(row);
    });
  }

  /** {@link redeliver} by the delivery's id alone (the console's delivery log). */
  async redeliverById(deliveryId: string, context: AuditContext = SYSTEM_CONTEXT): Promise<WebhookDelivery> {
    const endpointId = isUuid(deliveryId) ? await findDeliveryEndpointId(this.#db, deliveryId) : undefined;
    if (!endpointId) throw deliveryNotFound(deliveryId);
    return this.redeliver(endpointId, deliveryId, context);
  }

  /**
   * Creates one delivery per active endpoint subscribed to the event (`webhook-id` = the event id) and returns
   * the jobs that send them. Safe to repeat: a second call for the same event creates nothing and returns the
   * same jobs (same idempotency keys) for the deliveries still pending.
   */
  async createDeliveries(event: DomainEventMessage): Promise<WebhookDeliveryJob[]> {
    const now = this.#clock.now();
    const payload: WebhookPayload = {
      type: event.type,
      timestamp: event.occurredAt,
      data: JSON.parse(JSON.stringify(event.data)) as JsonValue,
    };
    return this.#db.transaction().execute(async (trx) => {
      const endpoints = (await selectActiveEndpointRows(trx)).filter(
        (endpoint) => endpoint.events.includes(ALL_WEBHOOK_EVENTS) || endpoint.events.includes(event.type),
      );
      if (endpoints.length === 0) return [];
      await insertDeliveryRows(
        trx,
        endpoints.map((endpoint) => ({
          id: newId(),
          endpointId: endpoint.id,
          messageId: event.id,
          eventType: event.type,
          payload: { ...payload },
          now,
        })),
      );
      const pending = await selectPendingDeliveryIds(trx, event.id);
      return pending.map((deliveryId) => webhookDeliveryJob(deliveryId, 0));
    });
  }

  /**
   * Makes one attempt at a delivery: signs, POSTs (10 s timeout) and records the answer. A 2xx marks it
   * delivered; anything else records the error and throws {@link WebhookDeliveryFailedError} so the queue retries,
   * marking the delivery `failed` when `isLastAttempt`.
   */
  async attemptDelivery(
    deliveryId: string,
    options: { isLastAttempt: boolean; signal?: AbortSignal | undefined },
  ): Promise<WebhookAttemptOutcome> {
    const target = isUuid(deliveryId) ? await findDeliveryTarget(this.#db, deliveryId) : undefined;
    if (target?.status !== 'pending' || target.disabled_at !== null) return { status: 'skipped' };
    const timestamp = this.#clock.now();
    const secret = this.#openSecret(target.secret_sealed);
    // Checked on every attempt too: the host's DNS may point somewhere else since the endpoint was saved.
    const refusal = await this.#urlRefusal(target.url);
    const response = refusal
      ? { ok: false, statusCode: null, error: refusal }
      : secret
        ? await sendWebhook({
            url: target.url,
            secret,
            messageId: target.message_id,
            timestamp,
            body: webhookBody(target.payload, target.event_type),
            timeoutMs: this.#timeoutMs,
            signal: options.signal,
            fetch: this.#fetch,
          })
        : {
            ok: false,
            statusCode: null,
            error: 'The signing secret cannot be opened (was WARMPATH_SECRET_KEY changed?)',
          };
    const row = await recordAttemptOnRow(this.#db, deliveryId, {
      at: timestamp,
      statusCode: response.statusCode,
      error: response.error,
      status: response.ok ? 'succeeded' : options.isLastAttempt ? 'failed' : 'pending',
    });
    // Deleted with its endpoint while the request was in flight: nothing left to record or retry.
    if (!row) return { status: 'skipped' };
    const delivery = toWebhookDelivery(row);
    if (!response.ok) throw new WebhookDeliveryFailedError(delivery);
    return { status: 'succeeded', delivery };
  }

  /** Why `url` may not receive webhooks (a private address while those are not allowed), or null. */
  async #urlRefusal(url: string): Promise<string | null> {
    if (this.#allowPrivateAddresses) return null;
    return webhookUrlRefusal(url, this.#resolveHost);
  }

  async #assertReachableUrl(url: string): Promise<void> {
    const refusal = await this.#urlRefusal(url);
    if (refusal) throw new ValidationError([{ path: 'url', message: refusal }]);
  }

  /** The endpoint's secret, or null when it was sealed under another secret key (nothing can be signed). */
  #openSecret(sealed: string): string | null {
    try {
      return this.#secretBox.open(sealed);
    } catch {
      return null;
    }
  }
}

function pageOf<T extends { id: string }>(items: T[], limit: number): WebhookPage<T> {
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { data: page, nextCursor: items.length > limit && last ? encodeIdCursor(last.id) : null };
}

/** `*` alone stands for everything; otherwise each type once. */
function normalizeEvents(events: readonly string[]): string[] {
  return events.includes(ALL_WEBHOOK_EVENTS) ? [ALL_WEBHOOK_EVENTS] : [...new Set(events)];
}

function endpointNotFound(id: string): NotFoundError {
  return new NotFoundError(`No webhook endpoint with id ${id}`);
}

function deliveryNotFound(id: string): NotFoundError {
  return new NotFoundError(`No delivery with id ${id} for this webhook endpoint`);
}
