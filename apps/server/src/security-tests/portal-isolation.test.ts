import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_SESSION_COOKIE } from '../http/session-cookies.js';
import { appRouter } from '../http/trpc/router.js';
import { trpcClient } from '../http/trpc/trpc-test-client.js';
import { keysDeep } from '../testing/keys-deep.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { listProcedures } from './access-matrix.js';
import { adminApi, ensureTrack, portalParticipant, staffMember } from './matrix-callers.js';

const stacks = await testStacks();

/**
 * Key names that would carry what a referrer must never see (deal amounts, owners, internal notes, fraud scores and
 * evidence), matched anywhere in a key, in any case: `dealAmount`, `ownerId`, `internalNotes`, `fraudScore`...
 */
const INTERNAL_KEY = /amount|owner|note|fraud|evidence|flag|score|internal/i;

function dataOf(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.data;
}

function errorCodeOf(res: LightMyRequestResponse): string | undefined {
  return res.statusCode >= 400 ? res.json().error?.data?.code : undefined;
}

/** Ids someone might try: random UUIDs, neighbours of a real one (v7 ids are time-ordered), and junk. */
function guessedIds(near: string): string[] {
  const last = Number.parseInt(near.slice(-1), 16);
  const neighbours = [1, 2, 15].map((step) => near.slice(0, -1) + ((last + step) % 16).toString(16));
  return [
    ...neighbours,
    crypto.randomUUID(),
    '00000000-0000-0000-0000-000000000000',
    '1',
    "' OR '1'='1",
    '../referrals',
  ];
}

describe.each(stacks)('portal isolation between participants on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  let ada: { id: string; cookie: Record<string, string> };
  let bob: { id: string; cookie: Record<string, string> };
  let adaReferral: string;
  let bobReferral: string;
  /** Strings only Bob's data or staff-only data contain: none may reach Ada. */
  const SECRETS = {
    bobDomain: 'bob-secret-target.example',
    bobContact: 'carol@bob-secret-target.example',
    bobNote: 'BOB-PRIVATE-NOTE',
    internalNote: 'INTERNAL-NOTE-7781',
    dealAmount: '987654321',
    ownerName: 'Olivia Dealowner',
    evidence: 'EVIDENCE-SECRET-5512',
  };

  async function signedIn(email: string, track: string) {
    const { id, token } = await portalParticipant(server, email, track);
    return { id, cookie: { cookie: `${PORTAL_SESSION_COOKIE}=${token}` } };
  }

  async function refer(participantId: string, domain: string, contact: string, note: string) {
    const res = await adminApi(server)('POST', '/api/v1/referrals', {
      track: 'iso-shared',
      participantId,
      company: { name: domain, domain },
      contacts: [{ name: 'Carol Buyer', email: contact, role: 'decision_maker' }],
      note,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await ensureTrack(server, 'iso-shared');
    await ensureTrack(server, 'iso-bob-only');
    ada = await signedIn('ada@ada-partners.example', 'iso-shared');
    bob = await signedIn('bob@bob-partners.example', 'iso-shared');
    await adminApi(server)('POST', '/api/v1/participants', {
      email: 'bob@bob-partners.example',
      name: 'bob',
      tracks: ['iso-bob-only'],
    });
    adaReferral = await refer(ada.id, 'ada-target.example', 'dan@ada-target.example', 'Ada met them');
    bobReferral = await refer(bob.id, SECRETS.bobDomain, SECRETS.bobContact, SECRETS.bobNote);

    // Everything internal a referral can carry, on Ada's own referral: an owner, a deal amount, a staff note and
    // fraud evidence. None of it may reach her.
    const owner = await staffMember(server, 'sales', 'olivia@test.warmpath.local');
    await server.runtime.database.db
      .updateTable('users')
      .set({ name: SECRETS.ownerName })
      .where('id', '=', owner.id)
      .execute();
    await server.runtime.database.db
      .updateTable('referrals')
      .set({
        owner_id: owner.id,
        deal_amount_minor: Number(SECRETS.dealAmount),
        deal_currency: 'EUR',
        fraud_score: 42,
        fraud_flags: JSON.stringify([
          {
            rule: 'test',
            code: 'velocity',
            message: 'Many referrals',
            evidence: SECRETS.evidence,
            score: 42,
          },
        ]),
      })
      .where('id', '=', adaReferral)
      .execute();
    await server.runtime.services.referrals.addNote(adaReferral, SECRETS.internalNote);
  });
  afterAll(() => server.close());

  function expectNoSecrets(body: string) {
    for (const [name, secret] of Object.entries(SECRETS)) expect(body, `leaks ${name}`).not.toContain(secret);
  }

  it('a participant cannot read another participant’s referral by its id, a guessed id or a random one', async () => {
    expect(dataOf(await trpc.query('portal.referrals.byId', { id: adaReferral }, ada.cookie)).id).toBe(
      adaReferral,
    );
    for (const id of [bobReferral, ...guessedIds(bobReferral), ...guessedIds(adaReferral)]) {
      const res = await trpc.query('portal.referrals.byId', { id }, ada.cookie);
      expect(['NOT_FOUND', 'BAD_REQUEST'], `${id}: ${res.body}`).toContain(errorCodeOf(res));
      expectNoSecrets(res.body);
    }
    // Bob's own id answers exactly like one that does not exist: nothing tells Ada it is real.
    const theirs = await trpc.query('portal.referrals.byId', { id: bobReferral }, ada.cookie);
    const missing = await trpc.query('portal.referrals.byId', { id: guessedIds(bobReferral)[3] }, ada.cookie);
    expect(theirs.statusCode).toBe(missing.statusCode);
  });

  it('lists, links, profile and account show only the signed-in participant’s own data', async () => {
    const list = await trpc.query('portal.referrals.list', undefined, ada.cookie);
    expect(dataOf(list).map((referral: { id: string }) => referral.id)).toEqual([adaReferral]);
    const me = await trpc.query('portal.me', undefined, ada.cookie);
    expect(dataOf(me)).toMatchObject({ id: ada.id, email: 'ada@ada-partners.example' });
    // Inputs naming someone else are refused or ignored, never obeyed.
    const meForBob = await trpc.query('portal.me', { id: bob.id }, ada.cookie);
    if (meForBob.statusCode === 200) expect(dataOf(meForBob).id).toBe(ada.id);
    const account = await trpc.query('portal.account.get', undefined, ada.cookie);
    expect(dataOf(account).email).toBe('ada@ada-partners.example');
    const mine = await trpc.query('portal.tracks.mine', undefined, ada.cookie);
    expect(JSON.stringify(dataOf(mine))).not.toContain('iso-bob-only');
    for (const res of [list, me, meForBob, account, mine]) {
      expectNoSecrets(res.body);
      expect(res.body).not.toContain(bob.id);
    }
  });

  it('a participant cannot change another participant’s profile, or refer in their name or their track', async () => {
    for (const input of [
      { name: 'Hijacked', participantId: bob.id },
      { name: 'Hijacked', id: bob.id },
    ]) {
      const res = await trpc.mutation('portal.account.updateProfile', input, ada.cookie);
      expect(errorCodeOf(res), res.body).toBe('BAD_REQUEST');
    }
    const renamed = await trpc.mutation('portal.account.updateProfile', { name: 'Ada Renamed' }, ada.cookie);
    expect(dataOf(renamed)).toMatchObject({ id: ada.id, name: 'Ada Renamed' });
    const bobNow = await adminApi(server)('GET', `/api/v1/participants/${bob.id}`);
    expect(bobNow.json().name).toBe('bob');

    const referral = {
      trackSlug: 'iso-shared',
      company: { name: 'Umbrella', domain: 'umbrella.example' },
      contacts: [{ name: 'Eve Buyer', email: 'eve@umbrella.example', role: 'champion' }],
    };
    const asBob = await trpc.mutation(
      'portal.referrals.submit',
      { ...referral, participantId: bob.id },
      ada.cookie,
    );
    expect(errorCodeOf(asBob), asBob.body).toBe('BAD_REQUEST');
    const bobsTrack = await trpc.mutation(
      'portal.referrals.submit',
      { ...referral, trackSlug: 'iso-bob-only' },
      ada.cookie,
    );
    expect(errorCodeOf(bobsTrack), bobsTrack.body).toBe('NOT_FOUND');
    const formOfBobsTrack = await trpc.query(
      'portal.referrals.formFor',
      { trackSlug: 'iso-bob-only' },
      ada.cookie,
    );
    expect(errorCodeOf(formOfBobsTrack), formOfBobsTrack.body).toBe('NOT_FOUND');

    // A submission id Bob used does not hand Ada his referral: repeats are scoped to the participant.
    const submissionId = crypto.randomUUID();
    const bobs = dataOf(
      await trpc.mutation('portal.referrals.submit', { ...referral, submissionId }, bob.cookie),
    );
    const adas = await trpc.mutation(
      'portal.referrals.submit',
      { ...referral, submissionId, company: { name: 'Initrode', domain: 'initrode.example' } },
      ada.cookie,
    );
    expect(dataOf(adas).id).not.toBe(bobs.id);
    expectNoSecrets(adas.body);
    const bobsList = dataOf(await trpc.query('portal.referrals.list', undefined, bob.cookie));
    expect(bobsList.map((r: { id: string }) => r.id)).not.toContain(dataOf(adas).id);
  });

  it('no portal procedure answers with deal amounts, owners, internal notes or fraud evidence', async () => {
    /** Inputs that make each portal query return real data; the rest are called without input. */
    const inputs: Record<string, unknown> = {
      'portal.referrals.byId': { id: adaReferral },
      'portal.referrals.formFor': { trackSlug: 'iso-shared' },
    };
    const queries = listProcedures(appRouter).filter(
      (procedure) => procedure.path.startsWith('portal.') && procedure.type === 'query',
    );
    expect(queries.length).toBeGreaterThan(3);
    // The control: the staff view of the same referral has internal keys, so the scan below has something to miss.
    const staffView = (await adminApi(server)('GET', `/api/v1/referrals/${adaReferral}`)).json();
    expect(keysDeep(staffView).filter((key) => INTERNAL_KEY.test(key))).toContain('fraud');
    for (const { path } of queries) {
      const res = await trpc.query(path, inputs[path], ada.cookie);
      expect(res.statusCode, `${path}: ${res.body}`).toBeLessThan(500);
      const body = res.json();
      expect(
        keysDeep(body).filter((key) => INTERNAL_KEY.test(key)),
        path,
      ).toEqual([]);
      expectNoSecrets(res.body);
    }
    // Mutations answer with portal shapes too: the referral a submission returns is the referrer's view.
    const submitted = await trpc.mutation(
      'portal.referrals.submit',
      {
        trackSlug: 'iso-shared',
        company: { name: 'Hooli', domain: 'hooli.example' },
        contacts: [{ name: 'Gavin B', email: 'gavin@hooli.example', role: 'decision_maker' }],
      },
      ada.cookie,
    );
    expect(keysDeep(dataOf(submitted)).filter((key) => INTERNAL_KEY.test(key))).toEqual([]);
  });
});
