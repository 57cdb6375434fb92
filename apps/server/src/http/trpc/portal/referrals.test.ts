import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysDeep } from '../../../testing/keys-deep.js';
import { restCall } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { trpcClient } from '../trpc-test-client.js';
import {
  createTrack,
  enrolAndSignIn,
  REFERRER_HIDDEN_KEYS,
  type SignedInParticipant,
} from './portal-test-kit.js';

const stacks = await testStacks();

/** What a referrer must never see in the referral list: staff-only data, and the form answers too. */
const HIDDEN_KEYS = [...REFERRER_HIDDEN_KEYS, 'answers'];

describe.each(stacks)('portal referrals on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;

  async function refer(participantId: string, domain: string): Promise<string> {
    const res = await restCall(server, 'POST', '/api/v1/referrals', {
      track: 'portal',
      participantId,
      company: { name: domain, domain },
      contacts: [{ name: 'Dana Buyer', email: `dana@${domain}`, role: 'decision_maker' }],
      note: 'Met at the summit',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  let ada: SignedInParticipant;
  let bob: SignedInParticipant;
  let adaReferral: string;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await createTrack(server, 'portal', { name: 'Portal' });
    await server.runtime.database.db
      .updateTable('tracks')
      .set({
        settings: JSON.stringify({
          referrerVisibleStages: ['submitted', 'accepted', 'closed_won', 'rejected'],
        }),
      })
      .where('slug', '=', 'portal')
      .execute();
    ada = await enrolAndSignIn(server, 'ada@ada-partners.example', ['portal']);
    bob = await enrolAndSignIn(server, 'bob@bob-partners.example', ['portal']);
    adaReferral = await refer(ada.id, 'globex.example');
    await refer(bob.id, 'initech.example');
  });
  afterAll(() => server.close());

  it('lists only the signed-in participant’s referrals, without anything internal', async () => {
    const res = await trpc.query('portal.referrals.list', undefined, ada.session);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().result.data;
    expect(data.map((r: { id: string }) => r.id)).toEqual([adaReferral]);
    expect(keysDeep(data).filter((key) => HIDDEN_KEYS.includes(key))).toEqual([]);
    expect(res.body).not.toContain('Met at the summit');
  });

  it('answers NOT_FOUND for another participant’s referral, exactly like a missing one', async () => {
    const theirs = await trpc.query('portal.referrals.byId', { id: adaReferral }, bob.session);
    const missing = await trpc.query(
      'portal.referrals.byId',
      { id: '0190a0a0-0000-7000-8000-00000000dead' },
      bob.session,
    );
    expect(theirs.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(theirs.json().error.message.replace(adaReferral, 'ID')).toBe(
      missing.json().error.message.replace('0190a0a0-0000-7000-8000-00000000dead', 'ID'),
    );
    expect((await trpc.query('portal.referrals.byId', { id: adaReferral }, ada.session)).statusCode).toBe(
      200,
    );
  });

  it('reports stages the track hides as the last visible stage', async () => {
    for (const to of ['accepted', 'meeting_booked', 'proposal_sent']) {
      const res = await restCall(server, 'POST', `/api/v1/referrals/${adaReferral}/transitions`, { to });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await trpc.query('portal.referrals.byId', { id: adaReferral }, ada.session);
    expect(res.json().result.data.status).toBe('accepted');
  });

  it('refuses callers without a portal session', async () => {
    expect((await trpc.query('portal.referrals.list')).statusCode).toBe(401);
  });
});
