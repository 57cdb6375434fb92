import { getParticipantProfile, listParticipantsForConsole } from '@warmpath/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restCall } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';
import { trpcClient } from '../trpc-test-client.js';
import {
  confirmSignInLink,
  createTrack,
  enrolParticipant,
  portalCookieOf,
  portalSessionOf,
  signInByLoginLink,
} from './portal-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('portal self-enrolment on $name', (stack) => {
  let server: TestServer;
  let trpc: ReturnType<typeof trpcClient>;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    trpc = trpcClient(server.app);
    await createTrack(server, 'open-partners', {
      name: 'Partner program',
      kind: 'partner',
      selfEnrolment: true,
      portalCopy: { headline: 'Refer a client, earn a bonus', primaryColor: '#c2410c' },
    });
    await createTrack(server, 'clients', { name: 'Client referrals' });
    await createTrack(server, 'paused-open', { selfEnrolment: true });
    await restCall(server, 'PATCH', '/api/v1/tracks/paused-open', { status: 'paused' });
  });
  afterAll(() => server?.close());

  async function requestEnrolment(input: object): Promise<string> {
    server.mail.clear();
    const res = await trpc.mutation('portal.enrol.request', input);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.data).toEqual({ ok: true });
    const email = (input as { email: string }).email.trim().toLowerCase();
    return server.mail.lastLinkTo(email) ?? expect.fail(`no verification link for ${email}`);
  }

  async function follow(link: string) {
    return confirmSignInLink(server, link);
  }

  /** `portal.me` for the portal session `res` set; fails the test if it set none. */
  async function meSignedInBy(res: LightMyRequestResponse) {
    return (await trpc.query('portal.me', undefined, portalSessionOf(res))).json().result.data;
  }

  /** Asks to join open-partners with these details and follows the mailed link into the portal. */
  async function enrolInOpenPartnersByLinkWith(details: {
    email: string;
    name: string;
    company?: string;
  }): Promise<LightMyRequestResponse> {
    const res = await follow(await requestEnrolment({ trackSlug: 'open-partners', ...details }));
    expect(res.headers.location).toBe('/portal/');
    return res;
  }

  /** Asks to join open-partners and follows the mailed link, which must land in the portal; returns its answer. */
  async function enrolInOpenPartnersByLink(email: string, name: string): Promise<LightMyRequestResponse> {
    const res = await follow(await requestEnrolment({ trackSlug: 'open-partners', email, name }));
    expect(res.headers.location).toBe('/portal/');
    return res;
  }

  it('shows only public copy in portal.program, with whether each track takes sign-ups', async () => {
    const res = await trpc.query('portal.program');
    expect(res.statusCode).toBe(200);
    expect(res.json().result.data.tracks).toEqual([
      { slug: 'clients', name: 'Client referrals', kind: 'client', copy: {}, selfEnrolment: false },
      {
        slug: 'open-partners',
        name: 'Partner program',
        kind: 'partner',
        copy: { headline: 'Refer a client, earn a bonus', primaryColor: '#c2410c' },
        selfEnrolment: true,
      },
    ]);
    expect(res.body).not.toMatch(/routing|fraud|sla|landingUrl/i);
  });

  it('emails a 24-hour link; following it creates the participant, enrols and signs them in', async () => {
    const link = await requestEnrolment({
      trackSlug: 'open-partners',
      email: ' Grace@Hopper.dev ',
      name: 'Grace Hopper',
      company: 'Navy',
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/portal\/enrol\/verify\?token=[a-z2-7]{32}$/);
    const token = new URL(link).searchParams.get('token') ?? '';
    const rows = await server.runtime.database.db
      .selectFrom('portal_enrolment_requests')
      .selectAll()
      .execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const [row] = rows;
    expect(row?.expires_at.getTime()).toBe((row?.created_at.getTime() ?? 0) + 24 * 3600_000);
    // Nobody is enrolled before the address is confirmed.
    expect(await server.runtime.services.participants.findByEmail('grace@hopper.dev')).toBeNull();

    const res = await follow(link);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/portal/');
    const me = await meSignedInBy(res);
    expect(me).toMatchObject({
      email: 'grace@hopper.dev',
      name: 'Grace Hopper',
      enrollments: [{ track: 'open-partners', trackName: 'Partner program' }],
    });

    const again = await follow(link);
    expect(again.headers.location).toBe('/portal/sign-in?login=expired');
    expect(portalCookieOf(again)).toBeUndefined();
  });

  it("keeps the company given at enrolment as the participant's company, for the portal and the console", async () => {
    const res = await enrolInOpenPartnersByLinkWith({
      email: 'katherine@nasa.example',
      name: 'Katherine Johnson',
      company: 'NASA Langley',
    });
    const session = portalSessionOf(res);
    const account = (await trpc.query('portal.account.get', undefined, session)).json().result.data;
    expect(account.company).toBe('NASA Langley');
    const me = (await trpc.query('portal.me', undefined, session)).json().result.data;
    expect(me.company).toBe('NASA Langley');

    const participant = await server.runtime.services.participants.findByEmail('katherine@nasa.example');
    const profile = await getParticipantProfile(
      server.runtime.database.db,
      { publicUrl: 'http://localhost:3000' },
      participant?.id ?? '',
    );
    expect(profile.company).toEqual({ name: 'NASA Langley', domain: null });
    const list = await listParticipantsForConsole(server.runtime.database.db, {
      search: 'katherine@nasa.example',
    });
    expect(list.items[0]?.company).toBe('NASA Langley');
  });

  it('names whom a verification link is for before it is confirmed, enrolling nobody until then', async () => {
    const link = await requestEnrolment({
      trackSlug: 'open-partners',
      email: 'Vera@Example.com',
      name: 'Vera',
    });
    const token = new URL(link).searchParams.get('token') ?? '';
    const named = async () =>
      (await trpc.query('portal.auth.signInLink', { kind: 'enrol', token })).json().result.data;
    expect(await named()).toEqual({ name: 'Vera', email: 'vera@example.com' });
    expect(await named()).toEqual({ name: 'Vera', email: 'vera@example.com' });
    expect(
      (await server.app.inject({ method: 'GET', url: new URL(link).pathname + new URL(link).search }))
        .cookies,
    ).toEqual([]);
    expect(await server.runtime.services.participants.findByEmail('vera@example.com')).toBeNull();
    expect((await follow(link)).headers.location).toBe('/portal/');
    expect(await named()).toBeNull();
  });

  it('answers the same for an address already enrolled, and its link signs them in without a second enrolment', async () => {
    const adaId = await enrolParticipant(server, 'ada@example.com', ['clients']);
    const before = await server.runtime.services.participants.get(adaId);
    const res = await enrolInOpenPartnersByLink('ada@example.com', 'Someone');
    const me = await meSignedInBy(res);
    expect(me.id).toBe(adaId);
    expect(me.name).toBe('ada');
    expect(me.enrollments.map((e: { track: string }) => e.track)).toEqual(['clients', 'open-partners']);
    expect(me.enrollments[0].code).toBe(before.enrollments[0]?.code);

    // Asking again for a track they are in: same answer, and the link still just signs them in.
    await enrolInOpenPartnersByLink('ada@example.com', 'Ada');
    expect((await server.runtime.services.participants.get(adaId)).enrollments).toHaveLength(2);
  });

  it('refuses tracks without self-enrolment clearly, and unknown tracks as not found', async () => {
    const requestAsX = (trackSlug: string) =>
      trpc.mutation('portal.enrol.request', { trackSlug, email: 'x@example.com', name: 'X' });
    const closed = await requestAsX('clients');
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.message).toMatch(/invitation/);
    expect((await requestAsX('paused-open')).statusCode).toBe(403);
    expect((await requestAsX('no-such-track')).statusCode).toBe(404);
    expect(server.mail.to('x@example.com')).toEqual([]);
  });

  it('lets a signed-in participant join an open track at once, and no other', async () => {
    const bobId = await enrolParticipant(server, 'bob@example.com', ['clients']);
    const session = await signInByLoginLink(server, bobId);
    server.mail.clear();
    const res = await trpc.mutation('portal.enrol.join', { trackSlug: 'open-partners' }, session);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.data.map((track: { slug: string }) => track.slug)).toEqual([
      'clients',
      'open-partners',
    ]);
    expect(server.mail.sent).toEqual([]);
    const again = await trpc.mutation('portal.enrol.join', { trackSlug: 'open-partners' }, session);
    expect(again.json().result.data).toHaveLength(2);

    expect((await trpc.mutation('portal.enrol.join', { trackSlug: 'paused-open' }, session)).statusCode).toBe(
      403,
    );
    expect(
      (await trpc.mutation('portal.enrol.join', { trackSlug: 'no-such-track' }, session)).statusCode,
    ).toBe(404);
    expect((await trpc.mutation('portal.enrol.join', { trackSlug: 'open-partners' })).statusCode).toBe(401);
    const [entry] = (
      await server.runtime.services.audit.list({
        targetId: bobId,
        action: 'participant.self_enrolled',
        limit: 5,
      })
    ).data;
    expect(entry).toMatchObject({
      actor: { type: 'participant', id: bobId },
      changes: { track: 'open-partners' },
    });
  });

  it('names each invalid field', async () => {
    const res = await trpc.mutation('portal.enrol.request', {
      trackSlug: 'open-partners',
      email: 'nope',
      name: ' ',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.data.issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['email', 'name']);
  });

  it('refuses expired and tampered links, and links for a track that closed sign-ups meanwhile', async () => {
    const expired = await requestEnrolment({
      trackSlug: 'open-partners',
      email: 'late@example.com',
      name: 'Late',
    });
    await server.runtime.database.db
      .updateTable('portal_enrolment_requests')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.com')
      .execute();
    const fresh = await requestEnrolment({
      trackSlug: 'open-partners',
      email: 'linus@example.com',
      name: 'Linus',
    });
    const token = new URL(fresh).searchParams.get('token') ?? '';
    const tampered = `/portal/enrol/verify?token=${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    for (const url of [expired, tampered, '/portal/enrol/verify', '/portal/enrol/verify?token=x']) {
      const res = await confirmSignInLink(server, url);
      expect(res.headers.location, url).toBe('/portal/sign-in?login=expired');
      expect(portalCookieOf(res)).toBeUndefined();
    }
    expect(await server.runtime.services.participants.findByEmail('late@example.com')).toBeNull();

    await restCall(server, 'PATCH', '/api/v1/tracks/open-partners', { selfEnrolment: false });
    const closed = await follow(fresh);
    expect(closed.headers.location).toBe('/portal/sign-in?login=expired');
    expect(await server.runtime.services.participants.findByEmail('linus@example.com')).toBeNull();
    await restCall(server, 'PATCH', '/api/v1/tracks/open-partners', { selfEnrolment: true });
  });
});
