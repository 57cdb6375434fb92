import type { CrmPullReport, CrmSyncEngine } from '@warmpath/core';
import { createInProcessQueue } from '@warmpath/jobs';
import { waitFor } from '@warmpath/jobs/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CRM_POLL_JOB, defineCrmSyncJobs } from './crm-sync-jobs.js';

const queue = createInProcessQueue();
afterEach(() => queue.stop());

describe('crm.poll', () => {
  it('pulls every loaded connector on each tick, without a CRM webhook', async () => {
    const pulled: string[] = [];
    // Only what the poll and pull jobs call: the connectors loaded and a pull of one.
    const engine = {
      connectorKeys: () => ['crm:acme:default:crm', 'crm:other:eu:crm'],
      pullChanges: async (connectorKey: string): Promise<CrmPullReport> => {
        pulled.push(connectorKey);
        return { pages: 1, changes: 0 } as unknown as CrmPullReport;
      },
    } as unknown as CrmSyncEngine;
    defineCrmSyncJobs(queue, engine, { poll: { every: 200 } });
    await queue.start();
    await waitFor(() => pulled.length >= 2, { timeoutMs: 5_000, message: 'a pull of each connector' });
    expect(new Set(pulled)).toEqual(new Set(['crm:acme:default:crm', 'crm:other:eu:crm']));
    const [state] = (await queue.schedules()).filter((schedule) => schedule.name === CRM_POLL_JOB);
    expect(state).toMatchObject({ name: CRM_POLL_JOB, everyMs: 200 });
  });
});
