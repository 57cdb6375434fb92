import { hashIp } from '@warmpath/core';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnrollment } from '../links/link-fixtures.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';
import { linksRoutes } from './links.routes.js';

const stacks = await testStacks();

const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe.each(stacks)('referral links on $name', (stack) => {
  let server: TestServer;
  const click = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    server.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });
  const clicksOf = async (enrollmentId: string) => {
    await server.app.linkClicks.flush();
    return server.runtime.database.db
      .selectFrom('clicks')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .execute();
  };

  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server?.close());

  it('redirects a visitor to the landing page with wp_ref added and sets the attribution cookie', async () => {
    const link = await seedEnrollment(server.runtime.database.db, {
      code: 'Land_1',
      landingUrl: 'https://shop.example.com/partners?utm_source=warmpath&q=a%20b#form',
      attributionWindowDays: 30,
    });
    const res = await click('/r/Land_1');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(
      'https://shop.example.com/partners?utm_source=warmpath&q=a%20b&wp_ref=Land_1#form',
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['set-cookie']).toBe(
      `wp_ref=Land_1; Max-Age=${30 * 86400}; Path=/; SameSite=Lax; HttpOnly`,
    );
    const [row] = await clicksOf(link.enrollmentId);
    expect(row).toMatchObject({
      track_id: link.trackId,
      participant_id: link.participantId,
      is_bot: false,
      user_agent: BROWSER,
      destination: res.headers.location,
      referral_id: null,
    });
  });

  it('sends the visitor to a requested destination only when the track allows exactly that URL', async () => {
    await seedEnrollment(server.runtime.database.db, {
      code: 'Dest_1',
      landingUrl: 'https://example.com/welcome',
      allowedDestinations: ['https://example.com/pricing', 'https://docs.example.com/start'],
    });
    const allowed = await click(`/r/Dest_1?to=${encodeURIComponent('https://example.com/pricing')}`);
    expect(allowed.headers.location).toBe('https://example.com/pricing?wp_ref=Dest_1');
    const otherSpelling = await click('/r/Dest_1?to=HTTPS://DOCS.example.com:443/start/');
    expect(otherSpelling.headers.location).toBe('https://docs.example.com/start?wp_ref=Dest_1');
  });

  it('never redirects anywhere the track does not name (no open redirect)', async () => {
    await seedEnrollment(server.runtime.database.db, {
      code: 'Open_1',
      landingUrl: 'https://example.com/welcome',
      allowedDestinations: ['https://example.com/pricing'],
    });
    const attempts = [
      '//evil.com',
      '%2F%2Fevil.com',
      '/%2Fevil.com',
      '/\\evil.com',
      'https://evil.com',
      'https%3A%2F%2Fevil.com',
      'https%253A%252F%252Fexample.com%252Fpricing',
      'javascript:alert(document.cookie)',
      'javascript%3Aalert(1)',
      'JAVASCRIPT:alert(1)//https://example.com/pricing',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'https://example.com.evil.com/pricing',
      'https://example.com/pricing.evil.com',
      'https://example.com@evil.com/pricing',
      'https://evil.com/https://example.com/pricing',
      'https://evil.com?https://example.com/pricing',
      'https:%2F%2Fevil.com',
      'https:/\\evil.com',
      'https://example.com%2F@evil.com',
      '%09https://evil.com',
      'https://evil.com%23https://example.com/pricing',
      'https://example.com/pricing&to=https://evil.com',
    ];
    for (const to of attempts) {
      const res = await click(`/r/Open_1?to=${to}`);
      expect(res.statusCode, to).toBe(302);
      expect(res.headers.location, to).toBe('https://example.com/welcome?wp_ref=Open_1');
    }
    const repeated = await click('/r/Open_1?to=https://example.com/pricing&to=https://evil.com');
    expect(repeated.headers.location).toBe('https://example.com/welcome?wp_ref=Open_1');
  });

  it('answers 404 for an unknown code, a malformed one, and a link whose track or referrer is not active', async () => {
    const db = server.runtime.database.db;
    await seedEnrollment(db, { code: 'Paused_1', trackStatus: 'paused' });
    await seedEnrollment(db, { code: 'Archived_1', trackStatus: 'archived' });
    await seedEnrollment(db, { code: 'Disabled_1', participantStatus: 'disabled' });
    for (const url of [
      '/r/NoSuchCode',
      '/r/NoSuchCode', // the answer remembered for unknown codes is the same 404
      `/r/${'x'.repeat(65)}`,
      '/r/bad%20code',
      '/r/Paused_1',
      '/r/Archived_1',
      '/r/Disabled_1',
    ]) {
      const res = await click(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['set-cookie'], url).toBeUndefined();
      expect(res.headers.location, url).toBeUndefined();
    }
    const rows = await db
      .selectFrom('clicks')
      .select('id')
      .where('destination', 'like', '%Paused_1%')
      .execute();
    expect(rows).toEqual([]);
  });

  it('records bots as bots (kept for fraud checks, never counted)', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Bots_1' });
    await click('/r/Bots_1', { 'user-agent': GOOGLEBOT });
    await click('/r/Bots_1', { 'user-agent': 'curl/8.5.0' });
    await click('/r/Bots_1', { 'user-agent': '' }); // no user agent at all
    await server.app.inject({ method: 'HEAD', url: '/r/Bots_1', headers: { 'user-agent': BROWSER } });
    await click('/r/Bots_1');
    const rows = await clicksOf(link.enrollmentId);
    expect(rows.map((row) => row.is_bot).sort()).toEqual([false, true, true, true, true]);
  });

  it('stores the IP only as its salted hash, the user agent truncated, and the landing query', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Ip_1' });
    const ip = '198.51.100.23';
    const longAgent = `${BROWSER} ${'x'.repeat(1000)}`;
    await server.app.inject({
      method: 'GET',
      url: '/r/Ip_1?gclid=Cj0KCQ&utm_source=newsletter&to=https://evil.com&gclid=second',
      remoteAddress: ip,
      headers: { 'user-agent': longAgent },
    });
    const [row] = await clicksOf(link.enrollmentId);
    expect(JSON.stringify(row)).not.toContain(ip);
    expect(row?.ip_hash).toBe(hashIp(ip, server.runtime.ipHashSalt));
    expect(row?.user_agent).toBe(longAgent.slice(0, 512));
    expect(row?.query).toEqual({ gclid: 'Cj0KCQ', utm_source: 'newsletter', to: 'https://evil.com' });
  });

  it('keeps every click of a burst (written in batches)', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Burst_1' });
    const answers = await Promise.all(Array.from({ length: 700 }, () => click('/r/Burst_1')));
    expect(answers.every((res) => res.statusCode === 302)).toBe(true);
    expect(await clicksOf(link.enrollmentId)).toHaveLength(700);
    expect(server.app.linkClicks.buffered).toBe(0);
  });

  it('keeps a click whose query Postgres could not store as sent (NUL) without blocking the others', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Nul_1' });
    await click('/r/Nul_1?q=a%00b');
    await click('/r/Nul_1?q=fine');
    const rows = await clicksOf(link.enrollmentId);
    // Both written (their order within one millisecond is not defined).
    expect(rows.map((row) => row.query.q).sort()).toEqual(['ab', 'fine']);
  });

  it('reports dropped clicks on /metrics', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/^warmpath_clicks_dropped_total 0$/m);
    expect(res.body).toMatch(/^warmpath_clicks_buffered \d+$/m);
  });

  it('writes every buffered click when the server shuts down, before the database closes', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Close_1' });
    // A second app on the same runtime, with a flush interval too long to fire: only the close can write.
    const app = Fastify({ trustProxy: true });
    await app.register(linksRoutes, { runtime: server.runtime, flushIntervalMs: 3_600_000 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        app.inject({ method: 'GET', url: '/r/Close_1', headers: { 'user-agent': BROWSER } }),
      ),
    );
    expect(answers.every((res) => res.statusCode === 302)).toBe(true);
    expect(app.linkClicks.buffered).toBe(40);
    await app.close();
    const rows = await server.runtime.database.db
      .selectFrom('clicks')
      .select('id')
      .where('enrollment_id', '=', link.enrollmentId)
      .execute();
    expect(rows).toHaveLength(40);
  });

  it.runIf(stack.database === 'postgres')(
    'records clicks on the writer thread (CLICK_WRITER=thread) and writes them all on shutdown',
    async () => {
      const link = await seedEnrollment(server.runtime.database.db, { code: 'Thread_R1' });
      const app = Fastify({ trustProxy: true });
      await app.register(linksRoutes, {
        runtime: server.runtime,
        clickWriter: 'thread',
        flushIntervalMs: 3_600_000,
      });
      const answers = await Promise.all(
        Array.from({ length: 30 }, () =>
          app.inject({ method: 'GET', url: '/r/Thread_R1?gclid=g1', headers: { 'user-agent': BROWSER } }),
        ),
      );
      expect(answers.every((res) => res.statusCode === 302)).toBe(true);
      expect(app.linkClicks.buffered).toBe(30);
      await app.close();
      const rows = await server.runtime.database.db
        .selectFrom('clicks')
        .selectAll()
        .where('enrollment_id', '=', link.enrollmentId)
        .execute();
      expect(rows).toHaveLength(30);
      expect(rows.every((row) => row.query.gclid === 'g1' && row.is_bot === false)).toBe(true);
    },
  );

  it('drops clicks beyond the buffer cap and counts them', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Cap_1' });
    const app = Fastify();
    await app.register(linksRoutes, {
      runtime: server.runtime,
      flushIntervalMs: 3_600_000,
      maxBufferedClicks: 5,
    });
    for (let index = 0; index < 8; index++) {
      const res = await app.inject({ method: 'GET', url: '/r/Cap_1', headers: { 'user-agent': BROWSER } });
      expect(res.statusCode).toBe(302); // the visitor is still redirected
    }
    expect(app.linkClicks.buffered).toBe(5);
    expect(app.linkClicks.dropped).toBe(3);
    await app.close();
  });
});

describe('referral links behind https', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: 'https://refer.example.com' } });
  });
  afterAll(() => server?.close());

  it('marks the attribution cookie Secure', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Secure_1', attributionWindowDays: 7 });
    const res = await server.app.inject({
      method: 'GET',
      url: '/r/Secure_1',
      headers: { 'user-agent': BROWSER },
    });
    expect(res.headers['set-cookie']).toBe(
      `wp_ref=Secure_1; Max-Age=${7 * 86400}; Path=/; SameSite=Lax; HttpOnly; Secure`,
    );
  });
});
