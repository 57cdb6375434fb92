import { describe, expect, it } from 'vitest';
import { ConnectionCheckSchema } from '../../dto/connection-check.schema.js';
import type { Company, Contact, Referral } from '../../dto/referral.schema.js';
import {
  type CrmChange,
  CrmChangeBatchSchema,
  type CrmUpsertResult,
  CrmUpsertResultSchema,
  CrmWebhookResultSchema,
} from '../../extension-points/crm.schema.js';
import type { CrmConnector } from '../../extension-points/crm-connector.js';
import { sampleCompany, sampleContact, sampleReferral } from '../fixtures.js';
import { expectMatches, forgedWebhookRequest, type SubjectFactory, uniqueId } from './contract-support.js';

/** A referral the suite upserted, as handed to `simulateRemoteChange`. */
export interface UpsertedReferral {
  referral: Referral;
  company: Company;
  contacts: Contact[];
  result: CrmUpsertResult;
}

/** Options of {@link describeCrmConnectorContract}. */
export interface CrmConnectorContractOptions {
  /**
   * Makes something change in the CRM for a referral the suite upserted (e.g. move its opportunity to another
   * stage in your stand-in), so the suite can check the change is pulled from the last cursor.
   */
  simulateRemoteChange?: (connector: CrmConnector, upserted: UpsertedReferral) => Promise<void>;
  /** Pages followed before the suite gives up on `hasMore` (default 100). */
  maxPages?: number;
}

interface Drained {
  changes: CrmChange[];
  cursor: string | null;
  /** The changes of each batch, to check time never goes back between batches. */
  batches: CrmChange[][];
}

/**
 * The behaviours the host relies on from a {@link CrmConnector}: well-formed answers, idempotent upserts with a
 * ref per record, and cursors that move forward only (no change delivered twice, none back in time).
 */
export function describeCrmConnectorContract(
  name: string,
  factory: SubjectFactory<CrmConnector>,
  options: CrmConnectorContractOptions = {},
): void {
  const maxPages = options.maxPages ?? 100;

  const drain = async (connector: CrmConnector, since: string | null): Promise<Drained> => {
    const drained: Drained = { changes: [], cursor: since, batches: [] };
    for (let page = 0; page < maxPages; page++) {
      const batch = expectMatches(
        CrmChangeBatchSchema,
        await connector.pullChanges(drained.cursor),
        'pullChanges()',
      );
      drained.changes.push(...batch.changes);
      drained.batches.push(batch.changes);
      drained.cursor = batch.cursor;
      if (!batch.hasMore) return drained;
    }
    throw new Error(`pullChanges() still had more after ${maxPages} pages`);
  };

  const upsertFresh = async (connector: CrmConnector): Promise<UpsertedReferral> => {
    const company = sampleCompany({ id: uniqueId('company'), domain: `${uniqueId('acme')}.example` });
    const contacts = [
      sampleContact({ id: uniqueId('contact'), email: `dana@${company.domain}` }),
      sampleContact({
        id: uniqueId('contact'),
        email: `lee@${company.domain}`,
        name: 'Lee Champion',
        role: 'champion',
      }),
    ];
    const referral = sampleReferral({ id: uniqueId('referral'), companyId: company.id });
    const result = await connector.upsertReferral(referral, company, contacts);
    return { referral, company, contacts, result };
  };

  describe(`${name} fulfils the CrmConnector contract`, () => {
    it('declares apiVersion 1', async () => {
      expect((await factory()).apiVersion).toBe(1);
    });

    it('reports verifyConnection() as { ok: true } or { ok: false, message } without throwing', async () => {
      const connector = await factory();
      expectMatches(ConnectionCheckSchema, await connector.verifyConnection(), 'verifyConnection()');
    });

    it('returns a ref for the referral, its company and each of its contacts', async () => {
      const connector = await factory();
      const { contacts, result } = await upsertFresh(connector);
      const refs = expectMatches(CrmUpsertResultSchema, result, 'upsertReferral()');
      expect(refs.contacts.map((entry) => entry.contactId).sort()).toEqual(contacts.map((c) => c.id).sort());
    });

    it('upserting the same referral again returns the same refs (a retried sync creates no duplicates)', async () => {
      const connector = await factory();
      const first = await upsertFresh(connector);
      const again = await connector.upsertReferral(first.referral, first.company, first.contacts);
      const byContact = (result: CrmUpsertResult) =>
        [...result.contacts].sort((a, b) => a.contactId.localeCompare(b.contactId));
      expect(again.referral).toEqual(first.result.referral);
      expect(again.company).toEqual(first.result.company);
      expect(byContact(again)).toEqual(byContact(first.result));
    });

    it('follows cursors to the end, and changes never go back in time from one batch to the next', async () => {
      const connector = await factory();
      await upsertFresh(connector);
      const { batches, cursor } = await drain(connector, null);
      expect(cursor).toEqual(expect.any(String));
      let latestSoFar = Number.NEGATIVE_INFINITY;
      for (const batch of batches) {
        const times = batch.map((change) => Date.parse(change.occurredAt));
        if (times.length === 0) continue;
        expect(Math.min(...times)).toBeGreaterThanOrEqual(latestSoFar);
        latestSoFar = Math.max(latestSoFar, ...times);
      }
    });

    it('never delivers a change again from a later cursor', async () => {
      const connector = await factory();
      await upsertFresh(connector);
      const delivered = await drain(connector, null);
      const again = await drain(connector, delivered.cursor);
      const seen = new Set(delivered.changes.map((change) => JSON.stringify(change)));
      expect(again.changes.filter((change) => seen.has(JSON.stringify(change)))).toEqual([]);
    });

    it.runIf(options.simulateRemoteChange !== undefined)(
      'delivers a change made in the CRM from the last cursor',
      async () => {
        const connector = await factory();
        const upserted = await upsertFresh(connector);
        const before = await drain(connector, null);
        await options.simulateRemoteChange?.(connector, upserted);
        const after = await drain(connector, before.cursor);
        expect(after.changes.length).toBeGreaterThan(0);
        const latestBefore = Math.max(0, ...before.changes.map((change) => Date.parse(change.occurredAt)));
        for (const change of after.changes)
          expect(Date.parse(change.occurredAt)).toBeGreaterThanOrEqual(latestBefore);
      },
    );

    it('refuses an unsigned webhook (when it handles webhooks)', async (context) => {
      const connector = await factory();
      if (!connector.handleWebhook) return context.skip();
      const result = await connector.handleWebhook(forgedWebhookRequest());
      const parsed = expectMatches(CrmWebhookResultSchema, result, 'handleWebhook()');
      expect(parsed.ok).toBe(false);
    });
  });
}
