import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { PORTAL_SESSION_COOKIE } from '../../../session-cookies.js';
import { confirmSignInLink } from '../../portal/portal-test-kit.js';
import { trpcClient } from '../../trpc-test-client.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('admin.participants on $name', (stack) => {
  let server: TestServer;
  let owner: StaffCaller;
  let sales: StaffCaller;
  let clientsTrack: { id: string; slug: string };
  let partnersTrack: { id: string; slug: string };

  const createTrack = async (slug: string) =>
    dataOf(
      await owner.mutation('admin.tracks.create', {
        slug,
        name: `${slug} track`,
        kind: 'client',
        landingUrl: 'https://example.com/',
      }),
    );

  beforeAll(async () => {
    server = await startTestServer({ stack });
    owner = await ownerCaller(server);
    sales = await staffCaller(server, 'sales', 'sam-sales');
    clientsTrack = await createTrack('clients');
    partnersTrack = await createTrack('partners');
  });
  afterAll(() => server.close());

  it('invites a referrer: enrols them and emails a login link that signs them into the portal', async () => {
    const invited = dataOf(
      await owner.mutation('admin.participants.invite', {
        email: 'Ada@Partners.example',
        name: 'Ada Lovelace',
        trackIds: [clientsTrack.id, partnersTrack.id],
      }),
    );
    expect(invited.created).toBe(true);
    const email = server.mail.lastTo('ada@partners.example');
    expect(email?.subject).toContain('clients track, partners track');
    const link = new URL(server.mail.lastLinkTo('ada@partners.example') ?? '');
    const login = await confirmSignInLink(server, link.href);
    const session = login.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE);
    expect(session?.value).toBeTruthy();
    const me = await trpcClient(server.app).query('portal.me', undefined, {
      cookie: `${PORTAL_SESSION_COOKIE}=${session?.value}`,
    });
    expect(dataOf(me)).toMatchObject({ email: 'ada@partners.example' });

    const again = dataOf(
      await owner.mutation('admin.participants.invite', {
        email: 'ada@partners.example',
        name: 'Ada Lovelace',
        trackIds: [clientsTrack.id],
      }),
    );
    expect(again).toEqual({ id: invited.id, created: false });
    expect(server.mail.to('ada@partners.example')).toHaveLength(2);
  });

  it('refuses unknown and archived tracks naming each, and writes nothing', async () => {
    const res = await owner.mutation('admin.participants.invite', {
      email: 'nobody@partners.example',
      name: 'Nobody',
      trackIds: [clientsTrack.id, '0190a0a0-0000-7000-8000-00000000dead'],
    });
    expect(errorOf(res, 'BAD_REQUEST')).toContain('trackIds.1');
    const { id: archivedId } = await createTrack('retired');
    dataOf(await owner.mutation('admin.tracks.archive', { id: archivedId }));
    const archived = await owner.mutation('admin.participants.invite', {
      email: 'nobody@partners.example',
      name: 'Nobody',
      trackIds: [archivedId],
    });
    expect(errorOf(archived, 'BAD_REQUEST')).toContain('trackIds.0');
    expect(server.mail.to('nobody@partners.example')).toHaveLength(0);
    expect(await server.runtime.services.participants.findByEmail('nobody@partners.example')).toBeNull();
  });

  it('lists participants with counts, searchable and filtered by track, page by page', async () => {
    for (const name of ['bob', 'carol', 'dave']) {
      dataOf(
        await owner.mutation('admin.participants.invite', {
          email: `${name}@referrers.example`,
          name: `${name} referrer`,
          trackIds: [clientsTrack.id],
        }),
      );
    }
    const first = dataOf(await sales.query('admin.participants.list', { limit: 2 }));
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['dave referrer', 'carol referrer']);
    const second = dataOf(
      await sales.query('admin.participants.list', { limit: 2, cursor: first.nextCursor }),
    );
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['bob referrer', 'Ada Lovelace']);
    expect(second.nextCursor).toBeNull();

    const search = dataOf(await sales.query('admin.participants.list', { search: 'LOVE' }));
    expect(search.items).toHaveLength(1);
    expect(search.items[0]).toMatchObject({
      email: 'ada@partners.example',
      referralCount: 0,
      clickCount: 0,
      tracks: [
        { id: clientsTrack.id, slug: 'clients' },
        { id: partnersTrack.id, slug: 'partners' },
      ],
    });
    expect(dataOf(await sales.query('admin.participants.list', { search: '%' })).items).toHaveLength(0);
    const partners = dataOf(await sales.query('admin.participants.list', { trackId: partnersTrack.id }));
    expect(partners.items.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
  });

  it('shows a profile with links, human and bot clicks, and referrals', async () => {
    const ada = dataOf(await owner.query('admin.participants.list', { search: 'ada@' })).items[0];
    const before = dataOf(await owner.query('admin.participants.byId', { id: ada.id }));
    const clientsLink = before.enrollments.find((e: { trackSlug: string }) => e.trackSlug === 'clients');
    expect(clientsLink.url).toBe(`http://localhost:3000/r/${clientsLink.code}`);
    const path = new URL(clientsLink.url).pathname;
    const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130 Safari/537.36';
    for (const userAgent of [browser, browser, 'Googlebot/2.1 (+http://www.google.com/bot.html)']) {
      await server.app.inject({ method: 'GET', url: path, headers: { 'user-agent': userAgent } });
    }
    await server.app.linkClicks.flush();
    const referral = await server.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${server.apiKey}` },
      payload: {
        track: 'clients',
        participantId: ada.id,
        company: { name: 'Globex', domain: 'globex.example' },
        contacts: [{ name: 'Dana Buyer', email: 'dana@globex.example' }],
      },
    });
    expect(referral.statusCode, referral.body).toBe(201);

    const profile = dataOf(await owner.query('admin.participants.byId', { id: ada.id }));
    expect(profile).toMatchObject({ name: 'Ada Lovelace', status: 'active' });
    expect(profile.enrollments.find((e: { trackSlug: string }) => e.trackSlug === 'clients')).toMatchObject({
      trackId: clientsTrack.id,
      clickCount: 2,
      botClickCount: 1,
      lastClickAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(profile.enrollments.find((e: { trackSlug: string }) => e.trackSlug === 'partners')).toMatchObject({
      clickCount: 0,
      lastClickAt: null,
    });
    expect(profile.referrals).toEqual([
      expect.objectContaining({
        id: referral.json().id,
        company: 'Globex',
        trackSlug: 'clients',
        trackName: 'clients track',
      }),
    ]);
    const listed = dataOf(await owner.query('admin.participants.list', { search: 'ada@' })).items[0];
    expect(listed).toMatchObject({ referralCount: 1, clickCount: 2 });
    errorOf(await owner.query('admin.participants.byId', { id: 'nope' }), 'NOT_FOUND');
  });

  it('gives a staff member a one-time login link to copy', async () => {
    const ada = dataOf(await owner.query('admin.participants.list', { search: 'ada@' })).items[0];
    const link = dataOf(await owner.mutation('admin.participants.loginLink', { id: ada.id }));
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/portal\/login\?token=/);
    const first = await confirmSignInLink(server, link.url);
    const second = await confirmSignInLink(server, link.url);
    expect(first.cookies.some((cookie) => cookie.name === PORTAL_SESSION_COOKIE)).toBe(true);
    expect(second.cookies.some((cookie) => cookie.name === PORTAL_SESSION_COOKIE && cookie.value)).toBe(
      false,
    );
  });

  it('says whether the participant has set a portal password', async () => {
    const ada = dataOf(await owner.query('admin.participants.list', { search: 'ada@' })).items[0];
    expect(dataOf(await owner.query('admin.participants.byId', { id: ada.id })).hasPassword).toBe(false);
    const link = dataOf(await owner.mutation('admin.participants.loginLink', { id: ada.id }));
    const session = (await confirmSignInLink(server, link.url)).cookies.find(
      (cookie) => cookie.name === PORTAL_SESSION_COOKIE,
    );
    const set = await trpcClient(server.app).mutation(
      'portal.account.setPassword',
      { password: 'a long enough password 456' },
      { cookie: `${PORTAL_SESSION_COOKIE}=${session?.value}` },
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(dataOf(await owner.query('admin.participants.byId', { id: ada.id })).hasPassword).toBe(true);
  });

  it('lets sales read participants but not invite them or make login links', async () => {
    const ada = dataOf(await sales.query('admin.participants.list', { search: 'ada@' })).items[0];
    errorOf(
      await sales.mutation('admin.participants.invite', {
        email: 'eve@referrers.example',
        name: 'Eve',
        trackIds: [clientsTrack.id],
      }),
      'FORBIDDEN',
    );
    errorOf(await sales.mutation('admin.participants.loginLink', { id: ada.id }), 'FORBIDDEN');
    expect(server.mail.to('eve@referrers.example')).toHaveLength(0);
  });
});
