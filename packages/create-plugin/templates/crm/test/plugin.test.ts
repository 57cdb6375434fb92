import {
  createTestHost,
  describeCrmConnectorContract,
  sampleCompany,
  sampleContact,
  sampleReferral,
} from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { startFakeCrm } from './fake-crm.js';

const crm = await startFakeCrm('crm-token');
afterAll(() => crm.close());
beforeEach(() => crm.reset());

/** Boots the plugin in the test host, configured against the stand-in. */
const boot = (token = 'crm-token') =>
  createTestHost({ plugins: [plugin], settings: { [plugin.id]: { baseUrl: crm.baseUrl, token } } });

describeCrmConnectorContract('the CRM connector', () => boot().get('crm', 'crm'), {
  simulateRemoteChange: async (_connector, { result }) => crm.moveStage(result.referral.id, 'qualified'),
});

describe('the CRM plugin', () => {
  it("maps the CRM's stages to open, won and lost", async () => {
    const connector = boot().get('crm', 'crm');
    const { referral } = await connector.upsertReferral(sampleReferral(), sampleCompany(), [sampleContact()]);
    crm.moveStage(referral.id, 'closed_won');
    const { changes } = await connector.pullChanges(null);
    expect(changes.map((change) => change.kind === 'stage' && change.stageCategory)).toEqual(['open', 'won']);
  });

  it('reports a wrong token in Test connection without revealing it', async () => {
    const check = await boot('revoked-token').get('crm', 'crm').verifyConnection();
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('401') });
    expect(JSON.stringify(check)).not.toContain('revoked-token');
  });

  it('keeps the token write-only and requires the base URL', () => {
    expect(boot().host.plugins()[0]?.secretSettings).toEqual(['token']);
    expect(() => createTestHost({ plugins: [plugin], settings: { [plugin.id]: {} } })).toThrow(/baseUrl/);
  });
});
