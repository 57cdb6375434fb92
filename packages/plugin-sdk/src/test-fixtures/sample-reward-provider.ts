import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  IdempotencyConflictError,
  type KvStore,
  type RewardProvider,
  RewardStatusReportSchema,
} from '../index.js';
import { signSampleWebhook } from './sample-crm-connector.js';

const OrderSchema = z.object({ ref: z.string(), fingerprint: z.string() });

/** A reward provider keeping its orders in the plugin's kv, idempotent by key. */
export function createSampleRewardProvider(kv: KvStore, webhookSecret: string): RewardProvider {
  return {
    apiVersion: 1,
    async verifyConnection() {
      return { ok: true };
    },
    async catalog() {
      return [{ id: 'sample-visa', name: 'Sample Visa card', kind: 'gift_card', currencies: ['USD', 'EUR'] }];
    },
    async issue(request) {
      const fingerprint = JSON.stringify([
        request.recipient.email,
        request.amount,
        request.currency,
        request.kind,
      ]);
      const stored = await kv.get(`order:${request.idempotencyKey}`);
      if (stored !== undefined) {
        const order = OrderSchema.parse(stored);
        if (order.fingerprint !== fingerprint) throw new IdempotencyConflictError(request.idempotencyKey);
        return { ref: order.ref, status: 'delivered' };
      }
      const ref = `order-${randomUUID()}`;
      await kv.set(`order:${request.idempotencyKey}`, { ref, fingerprint });
      await kv.set(`status:${ref}`, 'delivered');
      return { ref, status: 'delivered' };
    },
    async status(ref) {
      const status = z.enum(['delivered']).safeParse(await kv.get(`status:${ref}`));
      return status.success
        ? { ref, status: status.data }
        : { ref, status: 'failed', failureReason: 'Unknown order' };
    },
    async parseWebhook(request) {
      const expected = signSampleWebhook(request.rawBody ?? '', webhookSecret);
      if (request.headers['x-sample-signature'] !== expected) {
        return { ok: false, status: 401, message: 'Bad or missing x-sample-signature' };
      }
      const body = z.object({ updates: z.array(RewardStatusReportSchema) }).safeParse(request.body);
      return body.success
        ? { ok: true, updates: body.data.updates }
        : { ok: false, status: 400, message: 'Unexpected webhook body' };
    },
  };
}
