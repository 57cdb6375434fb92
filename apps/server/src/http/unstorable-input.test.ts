import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEnrollment } from '../links/link-fixtures.js';
import { expectProblem, type RestCaller, restCaller } from '../testing/rest-test-kit.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { ownerCaller, type StaffCaller } from './trpc/admin/admin-test-kit.js';
import { signIn, staffCookie } from './trpc/trpc-test-client.js';

/** JSON text of arrays nested `depth` levels deep (JSON.stringify itself would overflow the stack). */
function nestedJson(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** The problem's `errors`, asserting a 400 problem+json. */
function errorsOf(res: LightMyRequestResponse): { path: string; message: string }[] {
  return expectProblem(res, 400).errors ?? [];
}

describe('input Postgres cannot store (NUL characters, unpaired surrogates, deep nesting)', () => {
  let server: TestServer;
  let call: RestCaller;
  let owner: StaffCaller;
  let trackId: string;
  beforeAll(async () => {
    server = await startTestServer();
    call = restCaller(server);
    owner = await ownerCaller(server);
    const track = await call({
      method: 'POST',
      url: '/api/v1/tracks',
      body: { slug: 'nul', name: 'NUL', kind: 'client', landingUrl: 'https://example.com/' },
    });
    expect(track.statusCode, track.body).toBe(201);
    trackId = track.json().id;
  });
  afterAll(() => server?.close());

  describe('REST v1: 400 problem+json naming the field', () => {
    it('in a path parameter', async () => {
      expect(errorsOf(await call({ method: 'GET', url: '/api/v1/tracks/%00' }))).toEqual([
        { path: 'params.slug', message: expect.stringMatching(/NUL/) },
      ]);
      expect(errorsOf(await call({ method: 'GET', url: '/api/v1/referrals/a%00b' }))[0]?.path).toBe(
        'params.id',
      );
    });

    it('in a string field of the body', async () => {
      const res = await call({ method: 'PATCH', url: '/api/v1/tracks/nul', body: { name: '\u0000' } });
      expect(errorsOf(res)).toEqual([{ path: 'body.name', message: expect.stringMatching(/NUL/) }]);
    });

    it('in a query parameter', async () => {
      expect(errorsOf(await call({ method: 'GET', url: '/api/v1/referrals?cursor=%00' }))[0]?.path).toBe(
        'query.cursor',
      );
      expect(errorsOf(await call({ method: 'GET', url: '/api/v1/audit-log?action=x%00' }))[0]?.path).toBe(
        'query.action',
      );
    });

    it('in free-form JSON: a key, an unpaired surrogate, too deep a nesting', async () => {
      const event = (properties: unknown) => ({
        events: [{ id: 'evt-1', type: 'signup', occurredAt: new Date().toISOString(), properties }],
      });
      const key = await call({ method: 'POST', url: '/api/v1/events', body: event({ 'a\u0000': 1 }) });
      expect(errorsOf(key)[0]?.path).toBe('body.events.0.properties.a\u0000');
      const surrogate = await call({ method: 'POST', url: '/api/v1/events', body: event({ a: 'x\ud800' }) });
      expect(errorsOf(surrogate)).toEqual([
        { path: 'body.events.0.properties.a', message: expect.stringMatching(/surrogate/) },
      ]);
      const deep = await call({
        method: 'POST',
        url: '/api/v1/events',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event({ a: 'DEEP' })).replace('"DEEP"', nestedJson(100_000)),
      });
      expect(errorsOf(deep)[0]?.message).toMatch(/deep/);
    });

    // Counterexamples the fuzz suite (rest-v1.fuzz.test.ts) shrank to before the rule existed: each answered 500.
    it.each([
      ['GET', '/api/v1/audit-log?targetId=%00', undefined, 'query.targetId'],
      [
        'POST',
        '/api/v1/participants',
        { email: 'p@example.com', name: 'P', tracks: ['\u0000'] },
        'body.tracks.0',
      ],
      [
        'POST',
        '/api/v1/events',
        { events: [{ id: '\u0000', type: 'fuzz', occurredAt: '1970-01-01T00:00:00.000Z' }] },
        'body.events.0.id',
      ],
      [
        'POST',
        '/api/v1/webhook-endpoints',
        { url: 'https://127.0.0.1/hook', events: ['*'], description: '\u0000' },
        'body.description',
      ],
    ] as const)('fuzz case: %s %s', async (method, url, body, path) => {
      expect(errorsOf(await call({ method, url, body }))[0]?.path).toBe(path);
    });

    it('in the Idempotency-Key header', async () => {
      const res = await call({
        method: 'POST',
        url: '/api/v1/tracks',
        headers: { 'idempotency-key': 'k\u0000' },
        body: { slug: 'nul-2', name: 'NUL', kind: 'client', landingUrl: 'https://example.com/' },
      });
      expect(errorsOf(res)[0]?.path).toBe('headers.idempotency-key');
    });
  });

  it('tRPC: BAD_REQUEST with the field in data.issues', async () => {
    const list = await owner.query('admin.participants.list', { search: 'a\u0000' });
    expect(list.statusCode, list.body).toBe(400);
    expect(list.json().error.data).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'search' }] });
    const update = await owner.mutation('admin.tracks.update', { id: trackId, changes: { name: '\u0000' } });
    expect(update.statusCode, update.body).toBe(400);
    expect(update.json().error.data.issues).toEqual([{ path: 'changes.name', message: expect.any(String) }]);
  });

  it('POST /t/conversions: 400 problem+json', async () => {
    await seedEnrollment(server.runtime.database.db, { code: 'Nul_1' });
    const res = await server.app.inject({
      method: 'POST',
      url: '/t/conversions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ id: 'conversion-1', ref: 'Nul_1', company: 'Acme\u0000' }),
    });
    expect(errorsOf(res)[0]?.path).toBe('body.company');
  });

  it('CSV exports: 400 naming the filter', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/admin/export/participants.csv?search=%00',
      headers: staffCookie(await signIn(server.app, server.owner)),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues[0].path).toBe('search');
  });
});
