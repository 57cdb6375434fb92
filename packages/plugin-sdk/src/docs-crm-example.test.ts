/**
 * The in-house CRM example of docs/plugin-authoring.md, run for real: every `// #region <name>` below is the body
 * of a code block of the guide, checked by the last tests of `docs-example.test.ts`.
 */
// biome-ignore-all lint/suspicious/noExportsInTest: the regions are the guide's files and keep their exports; nothing imports this file.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ConnectionCheck,
  type CrmConnector,
  definePlugin,
  type FetchLike,
  type OpportunityStageCategory,
  secret,
} from '@warmpath/plugin-sdk';
import {
  createTestHost,
  describeCrmConnectorContract,
  sampleCompany,
  sampleContact,
  sampleReferral,
} from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

// #region crm-connector
/** Per-installation settings: where the CRM's API answers, and the token it issued to Warmpath. */
export const crmSettingsSchema = z.object({
  baseUrl: z.url().describe('The root of the CRM API, e.g. https://crm.acme.internal/api.'),
  token: secret(z.string().min(1).describe('An API token of the CRM, sent as a bearer token.')),
});

/** What the CRM's stages mean for a referral. Sales add stages over time: an unknown one is still open. */
export function stageCategory(stage: string): OpportunityStageCategory {
  if (stage === 'closed_won') return 'won';
  return stage === 'closed_lost' || stage === 'disqualified' ? 'lost' : 'open';
}

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

/** A CrmConnector over the CRM's HTTP API. Leads are keyed by the referral's id, so an upsert is idempotent. */
export function createAcmeCrmConnector(options: {
  fetch: FetchLike;
  baseUrl: string;
  token: string;
}): CrmConnector {
  const base = options.baseUrl.replace(/\/+$/, '');
  async function call(method: 'GET' | 'PUT', path: string, body?: object): Promise<unknown> {
    const response = await options.fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    // The status only, never the token or the request: an admin reads this message.
    if (!response.ok) throw new Error(`Acme CRM answered ${response.status} to ${method} ${path}`);
    return response.json();
  }
  const ref = (object: string, id: string) => ({ system: 'acme-crm', object, id });

  return {
    apiVersion: 1,
    async verifyConnection(): Promise<ConnectionCheck> {
      try {
        const me = z.object({ name: z.string() }).parse(await call('GET', '/me'));
        return { ok: true, details: { user: me.name } };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    async upsertReferral(referral, company, contacts) {
      // PUT by Warmpath's id: a retried job updates the lead it created instead of adding a second one.
      const lead = LeadAnswerSchema.parse(
        await call('PUT', `/leads/${encodeURIComponent(referral.id)}`, {
          company: { name: company.name, domain: company.domain },
          contacts: contacts.map(({ id, name, email, title }) => ({ externalId: id, name, email, title })),
          note: referral.note,
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
      const page = ChangesAnswerSchema.parse(await call('GET', `/changes?after=${after}&limit=100`));
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
        // The last sequence number delivered; an empty page leaves the cursor where it was.
        cursor: String(page.changes.at(-1)?.seq ?? after),
        hasMore: page.hasMore,
      };
    },
  };
}
// #endregion crm-connector

// #region crm-index
/** Writes referrals to Acme's in-house CRM as leads and reads back the stages sales move them to. */
const acmeCrmPlugin = definePlugin({
  id: 'acme-crm',
  version: '0.1.0',
  sdk: '^1',
  displayName: 'Acme CRM',
  description: "Writes referrals to Acme's in-house CRM as leads and reads back their stages.",
  configSchema: z.object({}),
  settingsSchema: crmSettingsSchema,
  register(ctx) {
    const { baseUrl, token } = ctx.settings;
    ctx.crm.add('acme-crm', () => createAcmeCrmConnector({ fetch: ctx.http.fetch, baseUrl, token }));
  },
});

export default acmeCrmPlugin;
// #endregion crm-index

// #region fake-acme-crm
interface Lead {
  id: string;
  externalId: string;
  accountId: string;
  stage: string | null;
  contacts: { externalId: string; id: string }[];
}

interface StageChange {
  seq: number;
  at: string;
  leadId: string;
  externalId: string;
  from: string | null;
  to: string;
}

const LeadInputSchema = z.object({
  company: z.object({ name: z.string().min(1), domain: z.string().min(1) }),
  contacts: z.array(z.object({ externalId: z.string().min(1), name: z.string(), email: z.string() })),
});

/** A stand-in for the CRM's API on a loopback port: leads by external id, a change log, a bearer token. */
export async function startFakeAcmeCrm(token: string) {
  const leads = new Map<string, Lead>();
  const changes: StageChange[] = [];
  const move = (lead: Lead, to: string) => {
    const { id: leadId, externalId, stage: from } = lead;
    changes.push({ seq: changes.length + 1, at: new Date().toISOString(), leadId, externalId, from, to });
    lead.stage = to;
  };

  async function handle(request: IncomingMessage): Promise<[status: number, body: unknown]> {
    if (request.headers.authorization !== `Bearer ${token}`) return [401, { error: 'invalid token' }];
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const leadPath = url.pathname.match(/^\/api\/leads\/([^/]+)$/);
    if (request.method === 'GET' && url.pathname === '/api/me') return [200, { name: 'warmpath-sync' }];
    if (request.method === 'PUT' && leadPath?.[1]) {
      const input = LeadInputSchema.safeParse(JSON.parse(Buffer.concat(await request.toArray()).toString()));
      if (!input.success) return [400, { error: input.error.message }];
      const externalId = decodeURIComponent(leadPath[1]);
      const known = leads.get(externalId);
      const lead = known ?? {
        id: `L-${leads.size + 1}`,
        externalId,
        accountId: '',
        stage: null,
        contacts: [],
      };
      lead.accountId = `A-${input.data.company.domain}`;
      lead.contacts = input.data.contacts.map((c) => ({ externalId: c.externalId, id: `C-${c.externalId}` }));
      leads.set(externalId, lead);
      if (!known) move(lead, 'new');
      return [200, lead];
    }
    if (request.method === 'GET' && url.pathname === '/api/changes') {
      const after = Number(url.searchParams.get('after'));
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const pending = changes.filter((change) => change.seq > after);
      return [200, { changes: pending.slice(0, limit), hasMore: pending.length > limit }];
    }
    return [404, { error: 'not found' }];
  }

  const server = createServer((request, response) => {
    handle(request)
      .catch((error: unknown) => [500, { error: String(error) }] as const)
      .then(([status, body]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    /** Moves a lead to another stage, as a salesperson would. */
    moveStage(leadId: string, stage: string) {
      const lead = [...leads.values()].find((candidate) => candidate.id === leadId);
      if (lead) move(lead, stage);
    },
    reset() {
      leads.clear();
      changes.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
// #endregion fake-acme-crm

// #region crm-test
const crm = await startFakeAcmeCrm('crm-token');
afterAll(() => crm.close());
beforeEach(() => crm.reset());

const bootAcmeCrm = (token = 'crm-token') =>
  createTestHost({ plugins: [acmeCrmPlugin], settings: { 'acme-crm': { baseUrl: crm.baseUrl, token } } });

describeCrmConnectorContract('Acme CRM connector', () => bootAcmeCrm().get('crm', 'acme-crm'), {
  simulateRemoteChange: async (_connector, { result }) => crm.moveStage(result.referral.id, 'qualified'),
});

describe('the Acme CRM plugin', () => {
  it("maps the CRM's stages to open, won and lost", async () => {
    const connector = bootAcmeCrm().get('crm', 'acme-crm');
    const { referral } = await connector.upsertReferral(sampleReferral(), sampleCompany(), [sampleContact()]);
    crm.moveStage(referral.id, 'proposal');
    crm.moveStage(referral.id, 'disqualified');
    const { changes } = await connector.pullChanges(null);
    expect(changes.map((change) => change.kind === 'stage' && [change.to, change.stageCategory])).toEqual([
      ['new', 'open'],
      ['proposal', 'open'],
      ['disqualified', 'lost'],
    ]);
  });

  it('reports a wrong token in Test connection without revealing it', async () => {
    const check = await bootAcmeCrm('revoked-token').get('crm', 'acme-crm').verifyConnection();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(check)).not.toContain('revoked-token');
  });

  it('keeps the token write-only and requires the base URL', () => {
    expect(bootAcmeCrm().host.plugins()[0]?.secretSettings).toEqual(['token']);
    expect(() => createTestHost({ plugins: [acmeCrmPlugin], settings: { 'acme-crm': {} } })).toThrow(
      /baseUrl/,
    );
  });
});
// #endregion crm-test
