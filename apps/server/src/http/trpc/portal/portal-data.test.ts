import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysDeep } from '../../../testing/keys-deep.js';
import { restCall } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { trpcClient } from '../trpc-test-client.js';
import { createTrack, enrolParticipant, REFERRER_HIDDEN_KEYS, signInByLoginLink } from './portal-test-kit.js';

const stacks = await testStacks();

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

function issuePaths(body: { error: { data: { issues?: { path: string }[] } } }): string[] {
  return (body.error.data.issues ?? []).map((issue) => issue.path).sort();
}

describe.each(stacks)('portal tracks, referral form and submission on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;
  let ada: Record<string, string>;
  let bob: Record<string, string>;
  let adaId: string;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await createTrack(server, 'clients', {
      name: 'Client referrals',
      portalCopy: {
        headline: 'Introduce a peer',
        shareText: 'We love working with Acme: {link} (ask for Dana)',
      },
      form: {
        fields: [
          { key: 'budget', label: 'Budget', type: 'select', required: true, options: ['Small', 'Large'] },
          { key: 'why', label: 'Why now?', type: 'textarea' },
        ],
      },
    });
    await createTrack(server, 'partners', { name: 'Partners', kind: 'partner' });
    await createTrack(server, 'staff-only', { name: 'Staff only', kind: 'employee' });
    adaId = await enrolParticipant(server, 'ada@ada-partners.example', ['clients', 'partners']);
    const bobId = await enrolParticipant(server, 'bob@bob-partners.example', ['clients']);
    ada = await signInByLoginLink(server, adaId);
    bob = await signInByLoginLink(server, bobId);
  });
  afterAll(() => server?.close());

  const validReferral = (overrides: object = {}) => ({
    trackSlug: 'clients',
    company: { name: 'Globex', domain: 'https://www.globex.example/' },
    contacts: [
      { name: 'Dana Buyer', email: 'dana@globex.example', role: 'decision_maker', title: 'CFO' },
      { name: 'Sam Champion', email: 'sam@globex.example', role: 'champion' },
    ],
    answers: { budget: 'Large', why: 'Their contract ends in March' },
    ...overrides,
  });

  it('lists my tracks with my link, counted clicks, my referrals and share text', async () => {
    const before = (await trpc.query('portal.tracks.mine', undefined, ada)).json().result.data;
    const clients = before.find((track: { slug: string }) => track.slug === 'clients');
    const code: string = clients.link.code;
    expect(clients.link.url).toBe(`http://localhost:3000/r/${code}`);
    for (const agent of [BROWSER, BROWSER, GOOGLEBOT]) {
      await server.app.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': agent } });
    }
    await server.app.linkClicks.flush();
    const submitted = await trpc.mutation('portal.referrals.submit', validReferral(), ada);
    expect(submitted.statusCode, submitted.body).toBe(200);

    const res = await trpc.query('portal.tracks.mine', undefined, ada);
    expect(res.statusCode).toBe(200);
    const tracks = res.json().result.data;
    expect(tracks.map((track: { slug: string }) => track.slug)).toEqual(['clients', 'partners']);
    const [mine, partners] = tracks;
    expect(mine).toMatchObject({
      name: 'Client referrals',
      kind: 'client',
      copy: { headline: 'Introduce a peer' },
      acceptsReferrals: true,
      clickCount: 2,
      referralCount: 1,
    });
    const url = `http://localhost:3000/r/${code}`;
    expect(mine.share.linkedin.text).toBe(`We love working with Acme: ${url} (ask for Dana)`);
    expect(mine.share.linkedin.shareUrl).toContain(encodeURIComponent(url));
    expect(mine.share.email.subject).toBe('Introduce a peer');
    expect(mine.share.email.body).toContain(url);
    expect(mine.share.email.mailto).toMatch(/^mailto:\?subject=/);
    expect(partners).toMatchObject({ clickCount: 0, referralCount: 0 });
    expect(partners.share.linkedin.text).toContain('Partners');
    expect(partners.share.linkedin.text).toContain(partners.link.url);
    expect(res.body).not.toMatch(/routing|fraudThresholds|slaHours|landingUrl/);

    const bobs = (await trpc.query('portal.tracks.mine', undefined, bob)).json().result.data;
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({ clickCount: 0, referralCount: 0 });
    expect(bobs[0].link.code).not.toBe(code);
  });

  it('offers no link to copy or share on a paused track, whose link answers 404', async () => {
    await createTrack(server, 'holiday', { name: 'Holiday programme' });
    const cleoId = await enrolParticipant(server, 'cleo@cleo-partners.example', ['clients', 'holiday']);
    const cleo = await signInByLoginLink(server, cleoId);
    await restCall(server, 'PATCH', '/api/v1/tracks/holiday', { status: 'paused' });
    const enrolled = (await restCall(server, 'GET', `/api/v1/participants/${cleoId}`)).json();
    const code = enrolled.enrollments.find((e: { track: string }) => e.track === 'holiday').code;
    expect((await server.app.inject({ method: 'GET', url: `/r/${code}` })).statusCode).toBe(404);

    const tracks = (await trpc.query('portal.tracks.mine', undefined, cleo)).json().result.data;
    const holiday = tracks.find((track: { slug: string }) => track.slug === 'holiday');
    expect(holiday).toMatchObject({ acceptsReferrals: false, link: null, share: null });
    expect(JSON.stringify(holiday)).not.toContain(code);
    const clients = tracks.find((track: { slug: string }) => track.slug === 'clients');
    expect(clients.link.url).toMatch(/\/r\//);
    expect(clients.share).not.toBeNull();
    await restCall(server, 'PATCH', '/api/v1/tracks/holiday', { status: 'active' });
    const resumed = (await trpc.query('portal.tracks.mine', undefined, cleo)).json().result.data;
    expect(resumed.find((track: { slug: string }) => track.slug === 'holiday').link.code).toBe(code);
  });

  it("gives the form of a track I'm in, and NOT_FOUND for any other track", async () => {
    const res = await trpc.query('portal.referrals.formFor', { trackSlug: 'clients' }, ada);
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json().result.data;
    expect(form.track).toEqual({
      slug: 'clients',
      name: 'Client referrals',
      kind: 'client',
      copy: expect.objectContaining({ headline: 'Introduce a peer' }),
    });
    expect(form.fields).toEqual([
      { key: 'budget', label: 'Budget', type: 'select', required: true, options: ['Small', 'Large'] },
      { key: 'why', label: 'Why now?', type: 'textarea', required: false },
    ]);
    expect(form.contactRoles).toContainEqual({ value: 'decision_maker', label: 'Decision maker' });
    expect(form.contactRoles).toHaveLength(7);
    for (const trackSlug of ['staff-only', 'no-such-track']) {
      const other = await trpc.query('portal.referrals.formFor', { trackSlug }, ada);
      expect(other.statusCode, trackSlug).toBe(404);
    }
    expect((await trpc.query('portal.referrals.formFor', { trackSlug: 'partners' }, bob)).statusCode).toBe(
      404,
    );
  });

  it('submits through the referral service as the participant: the portal projection back, the request IP recorded', async () => {
    const res = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({
        company: { name: 'Initech', domain: 'initech.example' },
        contacts: [{ name: 'Pat Buyer', email: 'pat@initech.example', role: 'economic_buyer' }],
      }),
      { ...ada, 'user-agent': BROWSER },
    );
    expect(res.statusCode, res.body).toBe(200);
    const referral = res.json().result.data;
    expect(referral).toMatchObject({
      track: 'clients',
      status: 'submitted',
      company: { name: 'Initech', domain: 'initech.example' },
      contacts: [{ name: 'Pat Buyer', role: 'economic_buyer' }],
    });
    expect(keysDeep(referral).filter((key) => REFERRER_HIDDEN_KEYS.includes(key))).toEqual([]);
    expect(res.body).not.toContain('pat@initech.example');

    const full = await restCall(server, 'GET', `/api/v1/referrals/${referral.id}`);
    expect(full.json()).toMatchObject({
      participantId: adaId,
      answers: { budget: 'Large', why: 'Their contract ends in March' },
      history: [{ status: 'submitted', actor: { type: 'participant', id: adaId } }],
    });
    const stored = await server.runtime.database.db
      .selectFrom('referrals')
      .select('submitted_ip_hash')
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow();
    expect(stored.submitted_ip_hash).not.toBeNull();
    const listed = (await trpc.query('portal.referrals.list', undefined, ada)).json().result.data;
    expect(listed.map((r: { id: string }) => r.id)).toContain(referral.id);
  });

  it('takes the company domain from a work email when none is given, never from a free-mail one', async () => {
    const derived = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({
        company: { name: 'Umbrella' },
        contacts: [
          { name: 'Lee', email: 'lee@gmail.com', role: 'user' },
          { name: 'Kim', email: 'kim@umbrella.example', role: 'champion' },
        ],
      }),
      ada,
    );
    expect(derived.statusCode, derived.body).toBe(200);
    expect(derived.json().result.data.company).toEqual({ name: 'Umbrella', domain: 'umbrella.example' });

    const freeMailOnly = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({
        company: { name: 'Solo' },
        contacts: [{ name: 'Lee', email: 'lee@gmail.com', role: 'user' }],
      }),
      ada,
    );
    expect(freeMailOnly.statusCode).toBe(400);
    expect(issuePaths(freeMailOnly.json())).toEqual(['company.domain']);
  });

  it('returns every invalid field as BAD_REQUEST with paths a form can show', async () => {
    const shape = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({ contacts: [{ name: '', email: 'not-an-email', role: 'boss' }] }),
      ada,
    );
    expect(shape.statusCode).toBe(400);
    expect(issuePaths(shape.json())).toEqual(['contacts.0.email', 'contacts.0.name', 'contacts.0.role']);

    const domain = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({
        company: { name: 'Hooli', domain: 'not a domain' },
        contacts: [
          { name: 'Dana', email: 'dana@hooli.example', role: 'decision_maker' },
          { name: 'Dana again', email: 'DANA@hooli.example', role: 'user' },
        ],
        answers: { budget: 'Gigantic', unknownQuestion: 'x' },
      }),
      ada,
    );
    expect(domain.statusCode).toBe(400);
    expect(issuePaths(domain.json())).toEqual(
      expect.arrayContaining(['answers.budget', 'company.domain', 'contacts.1.email']),
    );
    const missing = await trpc.mutation('portal.referrals.submit', validReferral({ answers: {} }), ada);
    expect(missing.statusCode).toBe(400);
    expect(issuePaths(missing.json())).toEqual(['answers.budget']);
    expect(
      (await trpc.mutation('portal.referrals.submit', validReferral({ trackSlug: 'staff-only' }), ada))
        .statusCode,
    ).toBe(404);
  });

  it('makes one referral of a repeated submissionId, and lets a failed one be sent again with it', async () => {
    const submissionId = '0190a0a0-0000-4000-8000-00000000abcd';
    const input = validReferral({ submissionId, company: { name: 'Stark', domain: 'stark.example' } });
    const [first, second] = await Promise.all([
      trpc.mutation('portal.referrals.submit', input, ada),
      trpc.mutation('portal.referrals.submit', input, ada),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    // Either both see the same referral, or the second arrives while the first is still in flight (409).
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const third = await trpc.mutation('portal.referrals.submit', input, ada);
    expect(third.statusCode).toBe(200);
    const id = third.json().result.data.id;
    for (const res of [first, second].filter((r) => r.statusCode === 200)) {
      expect(res.json().result.data.id).toBe(id);
    }
    const count = await server.runtime.database.db
      .selectFrom('referrals')
      .innerJoin('companies', 'companies.id', 'referrals.company_id')
      .select('referrals.id')
      .where('companies.domain', '=', 'stark.example')
      .execute();
    expect(count).toHaveLength(1);

    const retryId = '0190a0a0-0000-4000-8000-00000000beef';
    const failed = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({ submissionId: retryId, answers: {} }),
      ada,
    );
    expect(failed.statusCode).toBe(400);
    const fixed = await trpc.mutation(
      'portal.referrals.submit',
      validReferral({ submissionId: retryId, company: { name: 'Wayne', domain: 'wayne.example' } }),
      ada,
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().result.data.company.domain).toBe('wayne.example');

    // The same id from another participant is theirs alone: it makes their own referral.
    const bobs = await trpc.mutation(
      'portal.referrals.submit',
      { ...input, company: { name: 'Oscorp', domain: 'oscorp.example' } },
      bob,
    );
    expect(bobs.statusCode, bobs.body).toBe(200);
    expect(bobs.json().result.data.id).not.toBe(id);
  });

  it('lets me change my own name, and nothing else', async () => {
    const res = await trpc.mutation('portal.account.updateProfile', { name: '  Ada Lovelace ' }, ada);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.data).toMatchObject({ id: adaId, name: 'Ada Lovelace' });
    expect((await trpc.query('portal.me', undefined, ada)).json().result.data.name).toBe('Ada Lovelace');
    const sneaky = await trpc.mutation(
      'portal.account.updateProfile',
      { name: 'X', email: 'x@evil.example' },
      ada,
    );
    expect(sneaky.statusCode).toBe(400);
    expect(issuePaths(sneaky.json())).toEqual(['email']);
    const [entry] = (
      await server.runtime.services.audit.list({ targetId: adaId, action: 'participant.updated', limit: 5 })
    ).data;
    expect(entry).toMatchObject({
      actor: { type: 'participant', id: adaId },
      changes: { name: { after: 'Ada Lovelace' } },
    });
  });

  it('saving my details unchanged changes nothing: same row, no audit entry', async () => {
    const person = () =>
      server.runtime.database.db
        .selectFrom('participants')
        .innerJoin('people', 'people.id', 'participants.person_id')
        .select(['people.name', 'people.updated_at'])
        .where('participants.id', '=', adaId)
        .executeTakeFirstOrThrow();
    const before = await person();
    const audited = async () =>
      (await server.runtime.services.audit.list({ targetId: adaId, limit: 50 })).data;
    const auditBefore = await audited();
    const res = await trpc.mutation('portal.account.updateProfile', { name: before.name }, ada);
    expect(res.statusCode, res.body).toBe(200);
    expect(await person()).toEqual(before);
    expect(await audited()).toEqual(auditBefore);
  });

  it('refuses every data procedure without a portal session', async () => {
    expect((await trpc.query('portal.tracks.mine')).statusCode).toBe(401);
    expect((await trpc.query('portal.referrals.formFor', { trackSlug: 'clients' })).statusCode).toBe(401);
    expect((await trpc.mutation('portal.referrals.submit', validReferral())).statusCode).toBe(401);
  });
});
