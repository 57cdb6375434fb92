import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type Clock, CrmChangeSchema, type CrmConnector } from '../index.js';
import type { FakeCrmRemote } from './fake-crm-remote.js';

/** Signs a webhook body as the sample CRM does. */
export function signSampleWebhook(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** A CRM connector over {@link FakeCrmRemote}; cursors are the remote's change sequence numbers. */
export function createSampleCrmConnector(
  remote: FakeCrmRemote,
  clock: Clock,
  webhookSecret: string,
): CrmConnector {
  return {
    apiVersion: 1,
    async verifyConnection() {
      return { ok: true, details: { system: 'sample-crm' } };
    },
    async upsertReferral(referral, company, contacts) {
      const lead = remote.upsert('Lead', referral.id);
      if (lead.isNew) remote.openOpportunity(referral.id, clock);
      return {
        referral: lead.ref,
        company: remote.upsert('Account', company.id).ref,
        contacts: contacts.map((contact) => ({
          contactId: contact.id,
          ref: remote.upsert('Contact', contact.id).ref,
        })),
      };
    },
    async pullChanges(since) {
      const page = remote.changesAfter(since === null ? 0 : Number(since));
      return { changes: page.changes, cursor: String(page.last), hasMore: page.hasMore };
    },
    async handleWebhook(request) {
      const signature = request.headers['x-sample-signature'] ?? '';
      const expected = signSampleWebhook(request.rawBody ?? '', webhookSecret);
      const isAuthentic =
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!isAuthentic) return { ok: false, status: 401, message: 'Bad or missing x-sample-signature' };
      const body = z.object({ changes: z.array(CrmChangeSchema) }).safeParse(request.body);
      if (!body.success) return { ok: false, status: 400, message: 'Unexpected webhook body' };
      return { ok: true, changes: body.data.changes };
    },
  };
}
