import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  type ProblemBody,
  type RestCaller,
  restCaller,
} from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

/** A problem (see `expectProblem`) that also says in `detail` what went wrong. */
function expectDetailedProblem(res: LightMyRequestResponse, status: number): ProblemBody {
  const body = expectProblem(res, status);
  expect(body.detail).toEqual(expect.any(String));
  return body;
}

function trackInput(slug: string) {
  return { slug, name: `Track ${slug}`, kind: 'client', landingUrl: 'https://example.com/refer' };
}

describe.each(stacks)('REST API v1 on $name', (stack) => {
  let server: TestServer;
  let call: RestCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    call = restCaller(server);
  });
  afterAll(() => server.close());

  describe('OpenAPI document and docs page', () => {
    it('serves an OpenAPI 3.1 document without a key that describes the tracks and audit-log routes', async () => {
      const res = await call({ method: 'GET', url: '/api/v1/openapi.json', key: null });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths['/api/v1/tracks'])).toEqual(expect.arrayContaining(['post', 'get']));
      expect(Object.keys(doc.paths['/api/v1/tracks/{slug}'])).toEqual(
        expect.arrayContaining(['get', 'patch']),
      );
      expect(doc.paths['/api/v1/audit-log'].get).toBeDefined();
      const createBody = doc.paths['/api/v1/tracks'].post.requestBody.content['application/json'].schema;
      expect(createBody.required).toEqual(expect.arrayContaining(['slug', 'name', 'kind', 'landingUrl']));
    });

    it('documents the Idempotency-Key header, and its 409/422 answers, on every POST', async () => {
      const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
      const posts = Object.entries(doc.paths as Record<string, { post?: Record<string, unknown> }>).filter(
        ([, methods]) => methods.post,
      );
      expect(posts.length).toBeGreaterThanOrEqual(5);
      for (const [path, methods] of posts) {
        const post = methods.post as { parameters?: { name: string; in: string }[]; responses: object };
        expect(post.parameters, path).toContainEqual(
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
        );
        expect(Object.keys(post.responses), path).toEqual(expect.arrayContaining(['409', '422']));
      }
      expect(doc.paths['/api/v1/tracks'].get.parameters ?? []).not.toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key' }),
      );
    });

    it('serves the browsable docs page without a key', async () => {
      let res = await call({ method: 'GET', url: '/api/v1/docs', key: null });
      for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
        const location = new URL(String(res.headers.location), 'http://localhost/api/v1/docs');
        res = await call({ method: 'GET', url: location.pathname + location.search, key: null });
      }
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('swagger-ui');
    });
  });

  describe('API key authentication', () => {
    const tracksUrl = '/api/v1/tracks';

    it('answers 401 problem+json without a key', async () => {
      const res = await call({ method: 'GET', url: tracksUrl, key: null });
      expectDetailedProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('answers 401 to a malformed Authorization header', async () => {
      for (const authorization of [
        'Basic dXNlcjpwYXNz',
        'Bearer',
        `Bearer ${server.apiKey} extra`,
        'token',
      ]) {
        const res = await server.app.inject({ method: 'GET', url: tracksUrl, headers: { authorization } });
        expectDetailedProblem(res, 401);
      }
    });

    it('answers 401 to an unknown key', async () => {
      expectDetailedProblem(await call({ method: 'GET', url: tracksUrl, key: `${server.apiKey}x` }), 401);
      expectDetailedProblem(await call({ method: 'GET', url: tracksUrl, key: 'x'.repeat(10_000) }), 401);
    });

    it('answers 401 to a key once it is revoked', async () => {
      const { key, apiKey } = await server.runtime.services.apiKeys.createApiKey({
        name: 'soon revoked',
        scopes: ['tracks:read'],
      });
      expect((await call({ method: 'GET', url: tracksUrl, key })).statusCode).toBe(200);
      await server.runtime.services.apiKeys.revokeApiKey(apiKey.id);
      expectDetailedProblem(await call({ method: 'GET', url: tracksUrl, key }), 401);
    });

    it('answers 403 when the key lacks the scope, and changes nothing', async () => {
      const { key } = await server.runtime.services.apiKeys.createApiKey({
        name: 'read only',
        scopes: ['tracks:read'],
      });
      const body = trackInput('scope-refused');
      const res = await call({ method: 'POST', url: tracksUrl, key, body });
      expect(expectDetailedProblem(res, 403).detail).toContain('tracks:write');
      expect((await call({ method: 'GET', url: `${tracksUrl}/scope-refused` })).statusCode).toBe(404);
      expect((await call({ method: 'GET', url: tracksUrl, key })).statusCode).toBe(200);
    });

    it('answers 403 to a key lacking the scope even when its body is invalid', async () => {
      const { key } = await server.runtime.services.apiKeys.createApiKey({
        name: 'read only, bad body',
        scopes: ['tracks:read'],
      });
      const res = await call({ method: 'POST', url: tracksUrl, key, body: { nonsense: true } });
      expectDetailedProblem(res, 403);
    });
  });

  describe('tracks', () => {
    it('creates a track with the documented defaults', async () => {
      const res = await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('clients') });
      expect(res.statusCode).toBe(201);
      const track = res.json();
      expect(track).toMatchObject({
        ...trackInput('clients'),
        id: expect.any(String),
        status: 'active',
        allowedDestinations: [],
        attributionWindowDays: 90,
        autoAccept: false,
        slaHours: 48,
        fraudThresholds: { review: 40, block: 80 },
      });
      // New tracks start from the B2B intake form, none of whose questions is required.
      expect(track.form.fields.map((f: { key: string }) => f.key)).toContain('timeline');
      expect(track.form.fields.every((f: { required: boolean }) => !f.required)).toBe(true);
      expect(new Date(track.createdAt).toISOString()).toBe(track.createdAt);
    });

    it('keeps every field given on creation', async () => {
      const body = {
        ...trackInput('partners-full'),
        kind: 'partner',
        allowedDestinations: ['https://example.com/pricing'],
        attributionWindowDays: 730,
        autoAccept: true,
        slaHours: 24,
        form: {
          fields: [
            { key: 'size', label: 'Company size', type: 'select', required: true, options: ['1-10', '11+'] },
          ],
        },
      };
      const res = await call({ method: 'POST', url: '/api/v1/tracks', body });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject(body);
    });

    it('answers 409 problem when the slug is taken', async () => {
      await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('taken') });
      const res = await call({
        method: 'POST',
        url: '/api/v1/tracks',
        body: { ...trackInput('taken'), name: 'Another' },
      });
      expect(expectDetailedProblem(res, 409).detail).toContain('taken');
      expect((await call({ method: 'GET', url: '/api/v1/tracks/taken' })).json().name).toBe('Track taken');
    });

    it('lists tracks as { data, nextCursor }', async () => {
      await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('listed') });
      const res = await call({ method: 'GET', url: '/api/v1/tracks' });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.nextCursor).toBeNull();
      expect(page.data.map((track: { slug: string }) => track.slug)).toContain('listed');
    });

    it('gets a track by slug, and 404 problem for an unknown slug', async () => {
      const created = (
        await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('by-slug') })
      ).json();
      const res = await call({ method: 'GET', url: '/api/v1/tracks/by-slug' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(created);
      expectDetailedProblem(await call({ method: 'GET', url: '/api/v1/tracks/no-such-track' }), 404);
    });

    it('patches fields and status, keeping the fields not sent', async () => {
      const created = (
        await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('patched') })
      ).json();
      const res = await call({
        method: 'PATCH',
        url: '/api/v1/tracks/patched',
        body: { name: 'Renamed', status: 'paused', slaHours: 12 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        ...created,
        name: 'Renamed',
        status: 'paused',
        slaHours: 12,
        updatedAt: expect.any(String),
      });
      expect((await call({ method: 'GET', url: '/api/v1/tracks/patched' })).json()).toMatchObject({
        name: 'Renamed',
        status: 'paused',
      });
    });

    it('answers 404 problem when patching an unknown slug', async () => {
      expectDetailedProblem(
        await call({ method: 'PATCH', url: '/api/v1/tracks/no-such-track', body: { name: 'x' } }),
        404,
      );
    });

    it('answers 409 problem when renaming to a taken slug', async () => {
      await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('rename-a') });
      await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('rename-b') });
      expectDetailedProblem(
        await call({ method: 'PATCH', url: '/api/v1/tracks/rename-a', body: { slug: 'rename-b' } }),
        409,
      );
    });
  });

  describe('audit log', () => {
    let keyId: string;
    beforeAll(async () => {
      const key = await server.runtime.services.apiKeys.verifyApiKey(server.apiKey);
      keyId = key!.id;
    });

    it('records track creation and change with the API key as actor', async () => {
      const track = (
        await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('audited') })
      ).json();
      await call({ method: 'PATCH', url: '/api/v1/tracks/audited', body: { name: 'Audited again' } });

      const res = await call({ method: 'GET', url: `/api/v1/audit-log?targetId=${track.id}` });
      expect(res.statusCode).toBe(200);
      const entries = res.json().data;
      expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
        'track.updated',
        'track.created',
      ]);
      for (const entry of entries) {
        expect(entry).toMatchObject({
          id: expect.any(String),
          at: expect.any(String),
          actor: { type: 'api_key', id: keyId },
          target: { type: 'track', id: track.id },
        });
      }
      expect(entries[0].changes).toEqual({ name: { before: 'Track audited', after: 'Audited again' } });
    });

    it('filters by action', async () => {
      await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput('filtered') });
      const res = await call({ method: 'GET', url: '/api/v1/audit-log?action=track.created&limit=200' });
      const entries = res.json().data;
      expect(entries.length).toBeGreaterThan(1);
      expect(entries.every((entry: { action: string }) => entry.action === 'track.created')).toBe(true);
    });

    it('pages with limit and cursor, without duplicates or gaps', async () => {
      for (let i = 0; i < 5; i++) {
        await call({ method: 'POST', url: '/api/v1/tracks', body: trackInput(`paged-${i}`) });
      }
      const all = (await call({ method: 'GET', url: '/api/v1/audit-log?limit=200' })).json();
      expect(all.nextCursor).toBeNull();
      const allIds: string[] = all.data.map((entry: { id: string }) => entry.id);

      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : 'limit=2';
        const res = await call({ method: 'GET', url: `/api/v1/audit-log?${query}` });
        expect(res.statusCode).toBe(200);
        const page = res.json();
        expect(page.data.length).toBeLessThanOrEqual(2);
        paged.push(...page.data.map((entry: { id: string }) => entry.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 500);
      expect(paged).toEqual(allIds);
      expect(pages).toBe(Math.ceil(allIds.length / 2));
    });

    it('answers 400 to a limit outside 1..200 and to a malformed cursor', async () => {
      for (const query of ['limit=0', 'limit=201', 'limit=abc', 'cursor=not-a-cursor']) {
        const body = expectDetailedProblem(
          await call({ method: 'GET', url: `/api/v1/audit-log?${query}` }),
          400,
        );
        expect((body.errors ?? []).length).toBeGreaterThan(0);
      }
    });

    it('needs the audit:read scope', async () => {
      const { key } = await server.runtime.services.apiKeys.createApiKey({
        name: 'no audit',
        scopes: ['tracks:read', 'tracks:write'],
      });
      expectDetailedProblem(await call({ method: 'GET', url: '/api/v1/audit-log', key }), 403);
    });
  });

  it('answers 404 problem for an unknown v1 route', async () => {
    expectDetailedProblem(await call({ method: 'GET', url: '/api/v1/nothing-here' }), 404);
  });
});
