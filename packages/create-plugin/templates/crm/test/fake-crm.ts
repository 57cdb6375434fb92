import { z } from 'zod';
import { type LoopbackServer, type StandInReply, startLoopbackServer } from './loopback-server.js';

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

/** A stand-in of the CRM's API: leads by external id, a log of stage moves, a bearer token. */
export interface FakeCrm extends LoopbackServer {
  /** Moves a lead to another stage, as a salesperson would. */
  moveStage(leadId: string, stage: string): void;
  /** Forgets every lead and change. */
  reset(): void;
}

/** Starts the stand-in; only requests bearing `token` get through. */
export async function startFakeCrm(token: string): Promise<FakeCrm> {
  const leads = new Map<string, Lead>();
  const changes: StageChange[] = [];
  const move = (lead: Lead, to: string) => {
    const { id: leadId, externalId, stage: from } = lead;
    changes.push({ seq: changes.length + 1, at: new Date().toISOString(), leadId, externalId, from, to });
    lead.stage = to;
  };

  const server = await startLoopbackServer(({ method, url, headers, body }): StandInReply => {
    if (headers.authorization !== `Bearer ${token}`) return [401, { error: 'invalid token' }];
    const leadPath = url.pathname.match(/^\/leads\/([^/]+)$/);
    if (method === 'GET' && url.pathname === '/me') return [200, { name: 'warmpath-sync' }];
    if (method === 'PUT' && leadPath?.[1]) {
      const input = LeadInputSchema.safeParse(body);
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
    if (method === 'GET' && url.pathname === '/changes') {
      const after = Number(url.searchParams.get('after'));
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const pending = changes.filter((change) => change.seq > after);
      return [200, { changes: pending.slice(0, limit), hasMore: pending.length > limit }];
    }
    return [404, { error: 'not found' }];
  });

  return {
    ...server,
    baseUrl: server.baseUrl,
    moveStage(leadId, stage) {
      const lead = [...leads.values()].find((candidate) => candidate.id === leadId);
      if (lead) move(lead, stage);
    },
    reset() {
      leads.clear();
      changes.length = 0;
    },
  };
}
