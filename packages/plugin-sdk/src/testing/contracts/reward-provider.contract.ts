import { describe, expect, it } from 'vitest';
import { ConnectionCheckSchema } from '../../dto/connection-check.schema.js';
import {
  CatalogItemSchema,
  type RewardIssueRequest,
  RewardIssueResultSchema,
  RewardStatusReportSchema,
  RewardWebhookResultSchema,
} from '../../extension-points/reward.schema.js';
import type { RewardProvider } from '../../extension-points/reward-provider.js';
import { expectMatches, forgedWebhookRequest, type SubjectFactory, uniqueId } from './contract-support.js';

/** Options of {@link describeRewardProviderContract}. */
export interface RewardProviderContractOptions {
  /** Fields merged into every request the suite issues (a `catalogItemId` or currency your stand-in accepts). */
  request?: Partial<Omit<RewardIssueRequest, 'idempotencyKey'>>;
}

/**
 * The behaviours the host relies on from a {@link RewardProvider}: well-formed answers and, above all, a reward
 * is paid at most once per idempotency key.
 */
export function describeRewardProviderContract(
  name: string,
  factory: SubjectFactory<RewardProvider>,
  options: RewardProviderContractOptions = {},
): void {
  const request = (overrides: Partial<RewardIssueRequest> = {}): RewardIssueRequest => ({
    idempotencyKey: uniqueId('reward'),
    recipient: { email: 'riley@partner.example', name: 'Riley Partner' },
    amount: 2500,
    currency: 'USD',
    kind: 'gift_card',
    meta: { source: 'contract-suite' },
    ...options.request,
    ...overrides,
  });

  describe(`${name} fulfils the RewardProvider contract`, () => {
    it('declares apiVersion 1', async () => {
      expect((await factory()).apiVersion).toBe(1);
    });

    it('reports verifyConnection() as { ok: true } or { ok: false, message } without throwing', async () => {
      const provider = await factory();
      expectMatches(ConnectionCheckSchema, await provider.verifyConnection(), 'verifyConnection()');
    });

    it('lists a well-formed catalogue', async () => {
      const provider = await factory();
      const catalog = await provider.catalog();
      expect(Array.isArray(catalog)).toBe(true);
      for (const item of catalog)
        expectMatches(CatalogItemSchema, item, `catalog item ${JSON.stringify(item)}`);
    });

    it('issues a reward and reports its status under the same ref', async () => {
      const provider = await factory();
      const issued = expectMatches(RewardIssueResultSchema, await provider.issue(request()), 'issue()');
      const status = expectMatches(RewardStatusReportSchema, await provider.status(issued.ref), 'status()');
      expect(status.ref).toBe(issued.ref);
    });

    it('pays once per idempotency key: issuing again returns the first result', async () => {
      const provider = await factory();
      const first = request();
      const issued = await provider.issue(first);
      const repeated = await provider.issue({ ...first });
      expect(repeated.ref).toBe(issued.ref);
    });

    it('issues distinct rewards under distinct keys', async () => {
      const provider = await factory();
      const one = await provider.issue(request());
      const two = await provider.issue(request());
      expect(two.ref).not.toBe(one.ref);
    });

    it('refuses a key reused with a different amount instead of paying again', async () => {
      const provider = await factory();
      const first = request();
      await provider.issue(first);
      await expect(provider.issue({ ...first, amount: first.amount + 100 })).rejects.toThrow();
    });

    it('refuses an unsigned webhook (when it parses webhooks)', async (context) => {
      const provider = await factory();
      if (!provider.parseWebhook) return context.skip();
      const result = await provider.parseWebhook(forgedWebhookRequest());
      const parsed = expectMatches(RewardWebhookResultSchema, result, 'parseWebhook()');
      expect(parsed.ok).toBe(false);
    });
  });
}
