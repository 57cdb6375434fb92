import { API_SCOPES, type Scope } from '@warmpath/core';
import { newId } from '@warmpath/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type RestCaller, restCaller } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

describe.each(stacks)('REST API keys on $name', (stack) => {
  let server: TestServer;
  let call: RestCaller;
  /** A key made by the system (as the CLI does) with these scopes. */
  const keyWith = async (...scopes: Scope[]) =>
    (await server.runtime.services.apiKeys.createApiKey({ name: scopes.join(' '), scopes })).key;
  const create = (key: string | null, body: unknown, headers?: Record<string, string>) =>
    call({ method: 'POST', url: '/api/v1/api-keys', key, body, ...(headers ? { headers } : {}) });
  const tracks = (key: string) => call({ method: 'GET', url: '/api/v1/tracks', key });

  beforeAll(async () => {
    server = await startTestServer({ stack });
    call = restCaller(server);
  });
  afterAll(() => server?.close());

  it('creates a key (201) shown once, lists it (never the secret) and revokes it (204); audited as the calling key', async () => {
    const manager = await keyWith('api-keys:read', 'api-keys:write', 'tracks:read', 'events:write');
    const created = await create(manager, { name: 'CRM sync', scopes: ['tracks:read', 'tracks:read'] });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toEqual({
      id: expect.any(String),
      name: 'CRM sync',
      scopes: ['tracks:read'],
      key: expect.stringMatching(/^wp_/),
      prefix: body.key.slice(0, 12),
      createdBy: null,
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect((await tracks(body.key)).statusCode).toBe(200);

    const listed = await call({ method: 'GET', url: '/api/v1/api-keys', key: manager });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toEqual({ data: expect.any(Array), nextCursor: null });
    expect(listed.json().data[0]).toMatchObject({
      id: body.id,
      name: 'CRM sync',
      lastUsedAt: expect.any(String),
    });
    expect(listed.body).not.toContain(body.key);
    expect(listed.body).not.toContain(manager);

    const revoked = await call({ method: 'DELETE', url: `/api/v1/api-keys/${body.id}`, key: manager });
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect(revoked.body).toBe('');
    expectProblem(await tracks(body.key), 401);
    // Revoking again changes nothing; an unknown or malformed id is a 404.
    expect(
      (await call({ method: 'DELETE', url: `/api/v1/api-keys/${body.id}`, key: manager })).statusCode,
    ).toBe(204);
    expectProblem(await call({ method: 'DELETE', url: `/api/v1/api-keys/${newId()}`, key: manager }), 404);
    expectProblem(await call({ method: 'DELETE', url: '/api/v1/api-keys/nope', key: manager }), 404);
    const after = (await call({ method: 'GET', url: '/api/v1/api-keys', key: manager })).json().data;
    expect(after.find((key: { id: string }) => key.id === body.id).revokedAt).not.toBeNull();

    const managerId = after.find((key: { prefix: string }) => manager.startsWith(key.prefix)).id;
    for (const action of ['api_key.created', 'api_key.revoked']) {
      const log = await call({
        method: 'GET',
        url: `/api/v1/audit-log?targetId=${body.id}&action=${action}`,
      });
      expect(log.json().data).toEqual([
        expect.objectContaining({ actor: { type: 'api_key', id: managerId }, ip: expect.any(String) }),
      ]);
      expect(log.body).not.toContain(body.key);
    }
  });

  it('never grants a scope the calling key lacks: 403 naming the scopes, nothing created', async () => {
    const manager = await keyWith('api-keys:write', 'tracks:read');
    const before = (await server.runtime.services.apiKeys.list()).length;
    const refused = expectProblem(
      await create(manager, { name: 'Wider', scopes: ['tracks:read', 'tracks:write', 'api-keys:read'] }),
      403,
    );
    expect(refused.detail).toContain('tracks:write, api-keys:read');
    expect(refused.detail).not.toContain('tracks:read,');
    expect(await server.runtime.services.apiKeys.list()).toHaveLength(before);
    // Nor revokes a key holding more than it does.
    const wider = (await server.runtime.services.apiKeys.createApiKey({ name: 'w', scopes: ['audit:read'] }))
      .apiKey;
    expectProblem(await call({ method: 'DELETE', url: `/api/v1/api-keys/${wider.id}`, key: manager }), 403);
    expect(
      (await server.runtime.services.apiKeys.list()).find((key) => key.id === wider.id)?.revokedAt,
    ).toBeNull();
  });

  it('answers 400 naming each invalid field, 401 without a key, 403 without the scope', async () => {
    const manager = await keyWith('api-keys:write', 'tracks:read');
    const paths = async (body: unknown) =>
      (expectProblem(await create(manager, body), 400).errors ?? []).map((e) => e.path).sort();
    expect(await paths({ name: '', scopes: ['tracks:read'] })).toEqual(['body.name']);
    expect(await paths({ name: 'x', scopes: [] })).toEqual(['body.scopes']);
    expect(await paths({ name: 'x', scopes: ['root'] })).toEqual(['body.scopes.0']);
    expect(await paths({ name: 'x', scopes: ['tracks:read'], createdBy: newId() })).toEqual([
      'body.createdBy',
    ]);
    expect(await paths({})).toEqual(['body.name', 'body.scopes']);

    expectProblem(await create(null, { name: 'x', scopes: ['tracks:read'] }), 401);
    const reader = await keyWith('api-keys:read', 'tracks:read');
    expectProblem(await create(reader, { name: 'x', scopes: ['tracks:read'] }), 403);
    expectProblem(await call({ method: 'GET', url: '/api/v1/api-keys', key: manager }), 403);
    expectProblem(await call({ method: 'DELETE', url: `/api/v1/api-keys/${newId()}`, key: reader }), 403);
  });

  it('replays a POST with the same Idempotency-Key: the same key, created once', async () => {
    const manager = await keyWith('api-keys:write', 'events:write');
    const headers = { 'idempotency-key': newId() };
    const first = await create(manager, { name: 'Once', scopes: ['events:write'] }, headers);
    const replay = await create(manager, { name: 'Once', scopes: ['events:write'] }, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const named = (await server.runtime.services.apiKeys.list()).filter((key) => key.name === 'Once');
    expect(named).toHaveLength(1);
    expectProblem(await create(manager, { name: 'Other', scopes: ['events:write'] }, headers), 422);
  });

  it('pages the list with a cursor', async () => {
    const reader = await keyWith('api-keys:read');
    const first = (await call({ method: 'GET', url: '/api/v1/api-keys?limit=2', key: reader })).json();
    expect(first.data).toHaveLength(2);
    const next = await call({
      method: 'GET',
      url: `/api/v1/api-keys?limit=200&cursor=${first.nextCursor}`,
      key: reader,
    });
    const all = await server.runtime.services.apiKeys.list();
    expect([...first.data, ...next.json().data].map((key: { id: string }) => key.id)).toEqual(
      all.map((key) => key.id),
    );
    expectProblem(await call({ method: 'GET', url: '/api/v1/api-keys?cursor=junk', key: reader }), 400);
  });

  it('documents the three operations in the OpenAPI document, the POST with Idempotency-Key', async () => {
    const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
    expect(Object.keys(doc.paths['/api/v1/api-keys'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/v1/api-keys/{id}'].delete).toBeDefined();
    const post = doc.paths['/api/v1/api-keys'].post;
    expect(post.parameters.map((parameter: { name: string }) => parameter.name)).toContain('Idempotency-Key');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '403']));
    expect(API_SCOPES).toEqual(expect.arrayContaining(['api-keys:read', 'api-keys:write']));
  });
});
