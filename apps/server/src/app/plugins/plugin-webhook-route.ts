import { PluginWebhookService, type WebhookResultSinkFactory, webhookDeliveryId } from '@warmpath/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { toPluginRequest } from './plugin-http-request.js';
import {
  type PluginWebhookReceiver,
  pluginWebhookReceivers,
  type ReceivedWebhook,
} from './plugin-webhook-receivers.js';

/** Tuning of `POST /plugins/<id>/<instance>/webhook` (docs/plugins-webhooks-and-live-settings.md). */
export interface PluginWebhookOptions {
  /** Largest body accepted (413 above it). Default 256 KiB: provider events are a few KiB. */
  bodyLimitBytes?: number;
  /** How long the plugin may take to read a delivery before the host answers 503. Default 10 s. */
  timeoutMs?: number;
  /** The `Retry-After` of a 503, in seconds. Default 30. */
  retryAfterSeconds?: number;
  /** Where accepted results go; defaults to outbox rows (`outboxWebhookResultSink`). */
  sink?: WebhookResultSinkFactory;
}

export const DEFAULT_WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_AFTER_SECONDS = 30;

class WebhookTimeoutError extends Error {
  override readonly name = 'WebhookTimeoutError';
}

/** The instance's receiver the request is for: the only one, or the one `?impl=<name>` names. */
function chooseReceiver(
  receivers: PluginWebhookReceiver[],
  query: unknown,
): PluginWebhookReceiver | undefined {
  const named = typeof query === 'object' && query !== null ? Reflect.get(query, 'impl') : undefined;
  if (typeof named === 'string') return receivers.find((receiver) => receiver.name === named);
  return receivers.length === 1 ? receivers[0] : undefined;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new WebhookTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  // A plugin that answers after the timeout must not become an unhandled rejection.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The handler of `POST /plugins/<id>/<instance>/webhook`. The plugin verifies and reads the delivery; the host
 * validates its answer, refuses replays (409) and hands the result on once. Anything that goes wrong on this
 * side (the plugin throws, hangs or answers junk, the database fails) answers 503 with `Retry-After`: providers
 * retry, so nothing is lost. `undefined` means the instance reads no webhooks (the caller tries plugin routes).
 */
export function createPluginWebhookHandler(runtime: Runtime, options: PluginWebhookOptions = {}) {
  const logger = runtime.logger.child({ component: 'plugin-webhooks' });
  const service = new PluginWebhookService({
    db: runtime.database.db,
    clock: runtime.clock,
    sink: options.sink,
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryAfter = String(options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);

  const unavailable = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('retry-after', retryAfter)
      .send({ error: 'unavailable', message: 'The delivery could not be processed now; retry later.' });

  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { pluginId: string; instance: string },
  ): Promise<FastifyReply | undefined> => {
    const receivers = pluginWebhookReceivers(
      runtime.pluginHost,
      target.pluginId,
      target.instance,
      runtime.pluginHealth,
    );
    if (receivers.length === 0) return undefined;
    const receiver = chooseReceiver(receivers, request.query);
    const log = logger.child({ plugin: target.pluginId, instance: target.instance });
    if (!receiver) {
      const names = receivers.map((candidate) => candidate.name).join(', ');
      return reply
        .code(404)
        .send({ error: 'not_found', message: `Name the receiver with ?impl= (one of ${names})` });
    }
    const rawBody = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
    const pluginRequest = toPluginRequest(request, rawBody, {});

    let received: ReceivedWebhook;
    try {
      received = await withTimeout(receiver.receive(pluginRequest), timeoutMs);
    } catch (error) {
      log.error(
        { err: error, receiver: receiver.key },
        'plugin webhook failed: answered 503 so the provider retries',
      );
      return unavailable(reply);
    }
    if (!received.ok) {
      log.warn(
        { receiver: receiver.key, status: received.status, reason: received.message },
        'plugin webhook refused',
      );
      return reply.code(received.status).send({ error: 'refused', message: received.message });
    }

    const deliveryId = webhookDeliveryId({
      pluginDeliveryId: received.deliveryId,
      headers: pluginRequest.headers,
      rawBody,
    });
    try {
      const outcome = await service.accept({ ...target, deliveryId, result: received.result });
      if (outcome === 'replayed') {
        log.info({ receiver: receiver.key, deliveryId }, 'plugin webhook replayed: nothing applied');
        return reply.code(409).send({ error: 'replayed', message: 'This delivery was already applied.' });
      }
    } catch (error) {
      log.error({ err: error, receiver: receiver.key }, 'plugin webhook could not be recorded: answered 503');
      return unavailable(reply);
    }
    return reply.code(202).send({ accepted: true });
  };
}
