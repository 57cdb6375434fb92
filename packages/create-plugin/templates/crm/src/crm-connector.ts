import type { CrmConnector, OpportunityStageCategory } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { failedCheck, type JsonClient } from './json-client.js';

/** What the CRM's stages mean for a referral. Sales add stages over time: an unknown one is still open. */
export function stageCategory(stage: string): OpportunityStageCategory {
  if (stage === 'closed_won') return 'won';
  return stage === 'closed_lost' ? 'lost' : 'open';
}

const MeAnswerSchema = z.object({ name: z.string() });
const LeadAnswerSchema = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  contacts: z.array(z.object({ externalId: z.string().min(1), id: z.string().min(1) })),
});
const ChangesAnswerSchema = z.object({
  changes: z.array(
    z.object({
      seq: z.number().int(),
      at: z.iso.datetime({ offset: true }),
      leadId: z.string().min(1),
      externalId: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().min(1),
    }),
  ),
  hasMore: z.boolean(),
});

/**
 * A {@link CrmConnector} over the CRM's JSON API. Leads are keyed by Warmpath's referral id, so the CRM itself
 * makes an upsert idempotent; the cursor is the last change sequence number delivered.
 */
export function createCrmConnector(call: JsonClient): CrmConnector {
  const ref = (object: string, id: string) => ({ system: 'crm', object, id });

  return {
    apiVersion: 1,
    async verifyConnection() {
      try {
        const me = MeAnswerSchema.parse(await call({ method: 'GET', path: '/me' }));
        return { ok: true, details: { user: me.name } };
      } catch (error) {
        return failedCheck(error);
      }
    },
    async upsertReferral(referral, company, contacts) {
      // PUT by Warmpath's id: a retried sync updates the lead it created instead of adding a second one.
      const lead = LeadAnswerSchema.parse(
        await call({
          method: 'PUT',
          path: `/leads/${encodeURIComponent(referral.id)}`,
          body: {
            company: { name: company.name, domain: company.domain },
            contacts: contacts.map(({ id, name, email }) => ({ externalId: id, name, email })),
          },
        }),
      );
      return {
        referral: ref('Lead', lead.id),
        company: ref('Account', lead.accountId),
        contacts: lead.contacts.map((contact) => ({
          contactId: contact.externalId,
          ref: ref('Contact', contact.id),
        })),
      };
    },
    async pullChanges(since) {
      const after = since ?? '0';
      const page = ChangesAnswerSchema.parse(
        await call({ method: 'GET', path: `/changes?after=${encodeURIComponent(after)}&limit=100` }),
      );
      return {
        changes: page.changes.map((change) => ({
          kind: 'stage' as const,
          occurredAt: change.at,
          opportunity: ref('Lead', change.leadId),
          referralId: change.externalId,
          from: change.from,
          to: change.to,
          stageCategory: stageCategory(change.to),
        })),
        // An empty page leaves the cursor where it was.
        cursor: String(page.changes.at(-1)?.seq ?? after),
        hasMore: page.hasMore,
      };
    },
  };
}
