import { DOMAIN_EVENT_JOB, LINK_CODE_ALPHABET, type Scope } from '@warmpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type RestCaller, restCaller } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();
const PUBLIC_URL = 'http://localhost:3000';
const CODE_PATTERN = new RegExp(`^[${LINK_CODE_ALPHABET}]{8}$`);

describe.each(stacks)('REST participants on $name', (stack) => {
  let server: TestServer;
  let call: RestCaller;
  const keyWith = async (...scopes: Scope[]) =>
    (await server.runtime.services.apiKeys.createApiKey({ name: scopes.join(' '), scopes })).key;

  beforeAll(async () => {
    server = await startTestServer({ stack });
    call = restCaller(server);
    for (const slug of ['clients', 'partners', 'retired']) {
      const res = await call({
        method: 'POST',
        url: '/api/v1/tracks',
        body: { slug, name: `Track ${slug}`, kind: 'partner', landingUrl: 'https://example.com/refer' },
      });
      expect(res.statusCode).toBe(201);
    }
    await server.runtime.services.tracks.update('retired', { status: 'archived' });
  });
  afterAll(() => server?.close());

  const enrol = (body: unknown, key?: string | null) =>
    call({ method: 'POST', url: '/api/v1/participants', body, key });

  describe('POST /api/v1/participants', () => {
    it('creates a participant (201) with one referral link per track', async () => {
      const res = await enrol({
        email: 'Ada@Lovelace.io',
        name: 'Ada Lovelace',
        title: 'Founder',
        company: { name: 'Lovelace Ltd', domain: 'www.lovelace.io' },
        tracks: ['clients'],
      });
      expect(res.statusCode, res.body).toBe(201);
      const participant = res.json();
      expect(participant).toEqual({
        id: expect.any(String),
        email: 'ada@lovelace.io',
        name: 'Ada Lovelace',
        title: 'Founder',
        company: { name: 'Lovelace Ltd', domain: 'lovelace.io' },
        enrollments: [
          { track: 'clients', code: expect.stringMatching(CODE_PATTERN), url: expect.any(String) },
        ],
        createdAt: expect.any(String),
      });
      const [enrollment] = participant.enrollments;
      expect(enrollment.url).toBe(`${PUBLIC_URL}/r/${enrollment.code}`);

      const read = await call({ method: 'GET', url: `/api/v1/participants/${participant.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(participant);
    });

    it('answers 200 for a known email, merging enrolments and keeping the first code', async () => {
      const first = (await enrol({ email: 'grace@hopper.dev', name: 'Grace', tracks: ['clients'] })).json();
      const res = await enrol({ email: ' GRACE@hopper.dev', name: 'Grace H.', tracks: ['partners'] });
      expect(res.statusCode, res.body).toBe(200);
      const merged = res.json();
      expect(merged.id).toBe(first.id);
      expect(merged.enrollments.map((e: { track: string }) => e.track)).toEqual(['clients', 'partners']);
      expect(merged.enrollments[0]).toEqual(first.enrollments[0]);
      expect(merged.enrollments[1].code).toMatch(CODE_PATTERN);
      expect(merged.enrollments[1].code).not.toBe(first.enrollments[0].code);

      const again = await enrol({
        email: 'grace@hopper.dev',
        name: 'Grace',
        tracks: ['partners', 'clients'],
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(merged);
    });

    it('writes the participant.created event and the audit entries with the change', async () => {
      const created = (
        await enrol({ email: 'linus@kernel.org', name: 'Linus', tracks: ['clients', 'partners'] })
      ).json();
      const outbox = await server.runtime.database.db
        .selectFrom('outbox')
        .select('payload')
        .where('job_name', '=', DOMAIN_EVENT_JOB)
        .execute();
      const events = outbox
        .map((row) => row.payload as { type: string; data: { id: string } })
        .filter((event) => event.type === 'participant.created' && event.data.id === created.id);
      expect(events).toEqual([expect.objectContaining({ data: created })]);

      const audit = await call({ method: 'GET', url: `/api/v1/audit-log?targetId=${created.id}` });
      const entries = audit.json().data as { action: string; actor: { type: string } }[];
      expect(entries.map((entry) => entry.action).sort()).toEqual([
        'participant.created',
        'participant.enrolled',
        'participant.enrolled',
      ]);
      for (const entry of entries) expect(entry.actor.type).toBe('api_key');
    });

    it('answers 400 naming tracks.N for an unknown or archived track, and creates nobody', async () => {
      const unknown = expectProblem(
        await enrol({ email: 'nobody@example.com', name: 'Nobody', tracks: ['no-such-track'] }),
        400,
      );
      expect(unknown.errors?.map((error) => error.path)).toEqual(['tracks.0']);
      const archived = expectProblem(
        await enrol({ email: 'nobody@example.com', name: 'Nobody', tracks: ['clients', 'retired'] }),
        400,
      );
      expect(archived.errors?.map((error) => error.path)).toEqual(['tracks.1']);
      expect(await server.runtime.services.participants.findByEmail('nobody@example.com')).toBeNull();
    });

    it('answers 400 to invalid emails, unknown fields and malformed bodies, never 500', async () => {
      const badEmail = expectProblem(
        await enrol({ email: 'not-an-email', name: 'X', tracks: ['clients'] }),
        400,
      );
      expect(badEmail.errors?.map((error) => error.path)).toEqual(['body.email']);

      const unknownFields = expectProblem(
        await enrol({
          email: 'x@example.com',
          name: 'X',
          tracks: ['clients'],
          vip: true,
          company: { name: 'X', domain: 'x.com', size: 3 },
        }),
        400,
      );
      expect(unknownFields.errors?.map((error) => error.path).sort()).toEqual([
        'body.company.size',
        'body.vip',
      ]);

      const badDomain = expectProblem(
        await enrol({
          email: 'x@example.com',
          name: 'X',
          company: { name: 'X', domain: 'nope' },
          tracks: ['clients'],
        }),
        400,
      );
      expect(badDomain.errors?.map((error) => error.path)).toEqual(['company.domain']);

      for (const body of [
        {},
        { email: 'x@example.com', name: 'X' },
        { email: 'x@example.com', name: 'X', tracks: [] },
        [],
      ]) {
        expectProblem(await enrol(body), 400);
      }
      const notJson = await call({
        method: 'POST',
        url: '/api/v1/participants',
        headers: { 'content-type': 'application/json' },
        body: '{"email":',
      });
      expectProblem(notJson, 400);
      expect(await server.runtime.services.participants.findByEmail('x@example.com')).toBeNull();
    });

    it('answers 401 without a key and 403 to a key without participants:write, whatever the body', async () => {
      const body = { email: 'scoped@example.com', name: 'Scoped', tracks: ['clients'] };
      expectProblem(await enrol(body, null), 401);
      const readOnly = await keyWith('participants:read');
      expect(expectProblem(await enrol(body, readOnly), 403).detail).toContain('participants:write');
      expectProblem(await enrol({ nonsense: true }, readOnly), 403);
      expect(await server.runtime.services.participants.findByEmail('scoped@example.com')).toBeNull();
    });
  });

  describe('GET /api/v1/participants/{id}', () => {
    it('answers 404 problem+json for unknown and malformed ids', async () => {
      for (const id of ['0190a000-0000-7000-8000-000000000000', 'not-a-uuid', "1'%20or%20'1'='1", '%00']) {
        const res = await call({ method: 'GET', url: `/api/v1/participants/${id}` });
        expect([400, 404]).toContain(res.statusCode);
        expectProblem(res, res.statusCode);
      }
      expectProblem(await call({ method: 'GET', url: '/api/v1/participants/not-a-uuid' }), 404);
    });

    it('answers 403 to a key without participants:read', async () => {
      const id = (await enrol({ email: 'read@example.com', name: 'Read', tracks: ['clients'] })).json().id;
      const writeOnly = await keyWith('participants:write');
      expectProblem(await call({ method: 'GET', url: `/api/v1/participants/${id}`, key: writeOnly }), 403);
      const reader = await keyWith('participants:read');
      expect((await call({ method: 'GET', url: `/api/v1/participants/${id}`, key: reader })).statusCode).toBe(
        200,
      );
    });
  });

  describe('POST /api/v1/participants/{id}/login-links', () => {
    it('creates a 15-minute one-time link into the portal, audited without its token', async () => {
      const id = (await enrol({ email: 'link@example.com', name: 'Link', tracks: ['clients'] })).json().id;
      const before = Date.now();
      const res = await call({ method: 'POST', url: `/api/v1/participants/${id}/login-links` });
      expect(res.statusCode, res.body).toBe(201);
      const link = res.json();
      expect(Object.keys(link).sort()).toEqual(['expiresAt', 'url']);
      expect(link.url).toMatch(/^http:\/\/localhost:3000\/portal\/login\?token=[a-z2-7]{32}$/);
      const lifetime = new Date(link.expiresAt).getTime() - before;
      expect(lifetime).toBeGreaterThan(14 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 5_000);
      expect(res.headers['cache-control']).toBe('no-store');

      // An empty JSON body is fine too.
      expect(
        (await call({ method: 'POST', url: `/api/v1/participants/${id}/login-links`, body: {} })).statusCode,
      ).toBe(201);

      const audit = await call({
        method: 'GET',
        url: `/api/v1/audit-log?targetId=${id}&action=participant.login_link_created`,
      });
      const entries = audit.json().data;
      expect(entries).toHaveLength(2);
      expect(JSON.stringify(entries)).not.toContain(new URL(link.url).searchParams.get('token'));
    });

    it('answers 404 for unknown or malformed ids, 400 for unknown fields, 403 without participants:write', async () => {
      const id = (await enrol({ email: 'link2@example.com', name: 'Link', tracks: ['clients'] })).json().id;
      for (const unknown of ['0190a000-0000-7000-8000-000000000000', 'nope']) {
        expectProblem(
          await call({ method: 'POST', url: `/api/v1/participants/${unknown}/login-links` }),
          404,
        );
      }
      const unknownField = expectProblem(
        await call({ method: 'POST', url: `/api/v1/participants/${id}/login-links`, body: { ttl: 999 } }),
        400,
      );
      expect(unknownField.errors?.map((error) => error.path)).toEqual(['body.ttl']);
      const readOnly = await keyWith('participants:read');
      expectProblem(
        await call({ method: 'POST', url: `/api/v1/participants/${id}/login-links`, key: readOnly }),
        403,
      );
    });
  });

  it('describes the participant routes in the OpenAPI document', async () => {
    const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
    expect(doc.paths['/api/v1/participants'].post).toBeDefined();
    expect(doc.paths['/api/v1/participants/{id}'].get).toBeDefined();
    expect(doc.paths['/api/v1/participants/{id}/login-links'].post).toBeDefined();
    const body = doc.paths['/api/v1/participants'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['email', 'name', 'tracks']));
  });
});
