import {
  CatalogItemSchema,
  IdempotencyConflictError,
  RewardDeliveryStatusSchema,
  type RewardProvider,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { failedCheck, type JsonClient, RemoteError } from './json-client.js';

const MeAnswerSchema = z.object({ account: z.string() });
const CatalogAnswerSchema = z.object({ items: z.array(CatalogItemSchema) });
const OrderAnswerSchema = z.object({ id: z.string().min(1), status: RewardDeliveryStatusSchema });

/**
 * A {@link RewardProvider} over the provider's JSON API. Idempotency is the provider's: the request's key goes
 * out as its `Idempotency-Key`, which holds across processes and restarts, and a key reused with other
 * parameters answers 409.
 */
export function createRewardProvider(call: JsonClient): RewardProvider {
  return {
    apiVersion: 1,
    async verifyConnection() {
      try {
        const me = MeAnswerSchema.parse(await call({ method: 'GET', path: '/me' }));
        return { ok: true, details: { account: me.account } };
      } catch (error) {
        return failedCheck(error);
      }
    },
    async catalog() {
      return CatalogAnswerSchema.parse(await call({ method: 'GET', path: '/catalog' })).items;
    },
    async issue(request) {
      const { idempotencyKey, recipient, amount, currency, kind } = request;
      try {
        const order = OrderAnswerSchema.parse(
          await call({
            method: 'POST',
            path: '/orders',
            headers: { 'idempotency-key': idempotencyKey },
            body: { email: recipient.email, name: recipient.name, amount, currency, kind },
          }),
        );
        return { ref: order.id, status: order.status };
      } catch (error) {
        // Paying again under a reused key would pay twice: the host must see a conflict, not a retryable error.
        if (error instanceof RemoteError && error.status === 409)
          throw new IdempotencyConflictError(idempotencyKey);
        throw error;
      }
    },
    async status(ref) {
      try {
        const order = OrderAnswerSchema.parse(
          await call({ method: 'GET', path: `/orders/${encodeURIComponent(ref)}` }),
        );
        return { ref, status: order.status };
      } catch (error) {
        if (error instanceof RemoteError && error.status === 404) {
          return { ref, status: 'failed', failureReason: 'The provider knows no such order' };
        }
        throw error;
      }
    },
  };
}
