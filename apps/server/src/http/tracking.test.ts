import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnrollment } from '../links/link-fixtures.js';
import { TRACKING_SCRIPT } from '../links/tracking-script.js';
import { startTestServer, type TestServer, testStacks } from '../testing/test-server.js';

const stacks = await testStacks();

const SHOP = 'https://shop.example.com';

describe.each(stacks)('tracking script and conversions on $name', (stack) => {
  let server: TestServer;
  const convert = (
    payload: unknown,
    headers: Record<string, string> = {},
    remoteAddress = '127.0.0.1',
  ): Promise<LightMyRequestResponse> =>
    server.app.inject({
      method: 'POST',
      url: '/t/conversions',
      remoteAddress,
      headers: { origin: SHOP, 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const eventsWithRef = (ref: string) =>
    server.runtime.database.db
      .selectFrom('events')
      .selectAll()
      .where('source', '=', 'tracking-script')
      .execute()
      .then((rows) => rows.filter((row) => row.properties.ref === ref));

  beforeAll(async () => {
    server = await startTestServer({ stack });
  });
  afterAll(() => server?.close());

  it('serves /t.js as cacheable JavaScript that any site may load', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/t.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d{5,}/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.body).toBe(TRACKING_SCRIPT);
    const again = await server.app.inject({
      method: 'GET',
      url: '/t.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('records a conversion with its link code, once per browser id', async () => {
    const link = await seedEnrollment(server.runtime.database.db, { code: 'Conv_1' });
    const body = {
      id: '0190a000-0000-7000-8000-000000000001',
      ref: 'Conv_1',
      type: 'signup',
      email: 'lead@buyer.example',
      company: 'Buyer Inc',
      page: `${SHOP}/signup`,
      properties: { plan: 'pro', seats: 12 },
    };
    const first = await convert(body);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ accepted: true, duplicate: false });
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['access-control-allow-credentials']).toBeUndefined();

    const retry = await convert(body);
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ accepted: true, duplicate: true });

    const rows = await eventsWithRef('Conv_1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'signup',
      source: 'tracking-script',
      properties: {
        ref: 'Conv_1',
        enrollmentId: link.enrollmentId,
        participantId: link.participantId,
        trackId: link.trackId,
        email: 'lead@buyer.example',
        company: 'Buyer Inc',
        page: `${SHOP}/signup`,
        plan: 'pro',
        seats: 12,
      },
    });
  });

  it('records nothing for a code that does not exist', async () => {
    const res = await convert({ id: 'unknown-code-001', ref: 'NoSuchCode' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: false, duplicate: false });
    expect(await eventsWithRef('NoSuchCode')).toEqual([]);
  });

  it('answers 400 problem+json naming each invalid or unknown field, and 415 for non-JSON', async () => {
    const res = await convert({ id: 'x', ref: 'bad code', email: 'not-an-email', admin: true });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const paths = (res.json().errors as { path: string }[]).map((error) => error.path).sort();
    expect(paths).toEqual(['body.admin', 'body.email', 'body.id', 'body.ref']);

    for (const payload of ['{"id":', '[]', 'null']) {
      const malformed = await convert(payload);
      expect(malformed.statusCode, payload).toBe(400);
    }
    const asText = await convert('id=1', { 'content-type': 'text/plain' });
    expect(asText.statusCode).toBe(415);
    const tooLarge = await convert({ id: 'too-large-0001', ref: 'Conv_1', company: 'x'.repeat(20_000) });
    expect(tooLarge.statusCode).toBe(413);
  });

  it('answers the CORS preflight of any origin, without credentials', async () => {
    const res = await server.app.inject({
      method: 'OPTIONS',
      url: '/t/conversions',
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toBe('content-type');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('rate-limits conversions per client IP with 429 and Retry-After', async () => {
    const visitor = '203.0.113.9';
    const statuses: number[] = [];
    for (let index = 0; index < 61; index++)
      statuses.push((await convert({ id: 'x' }, {}, visitor)).statusCode);
    expect(statuses.slice(0, 60).every((status) => status === 400)).toBe(true);
    const limited = await convert({ id: 'x' }, {}, visitor);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['access-control-allow-origin']).toBe('*');
    // Another visitor is not affected.
    expect((await convert({ id: 'x' }, {}, '203.0.113.10')).statusCode).toBe(400);
  });
});
