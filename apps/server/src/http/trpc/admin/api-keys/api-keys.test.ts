import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testStacks } from '../../../../testing/test-server.js';
import { dataOf, errorOf, ownerCaller, type StaffCaller, staffCaller } from '../admin-test-kit.js';

const stacks = await testStacks();

describe.each(stacks)('console API keys on $name', (stack) => {
  let server: TestServer;
  let admin: StaffCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    admin = await ownerCaller(server);
  });
  afterAll(() => server?.close());

  const callApi = (key: string) =>
    server.app.inject({ method: 'GET', url: '/api/v1/tracks', headers: { authorization: `Bearer ${key}` } });

  it('creates a scoped key whose secret is shown once, lists it without the secret, and revokes it; all audited', async () => {
    const created = dataOf(
      await admin.mutation('admin.apiKeys.create', { name: 'CRM sync', scopes: ['tracks:read'] }),
    );
    expect(created.key).toMatch(/^wp_/);
    expect(created.apiKey).toMatchObject({
      name: 'CRM sync',
      scopes: ['tracks:read'],
      createdBy: admin.userId,
    });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect((await callApi(created.key)).statusCode).toBe(200);

    const listed = dataOf(await admin.query('admin.apiKeys.list'));
    const row = listed.find((key: { id: string }) => key.id === created.apiKey.id);
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const revoked = dataOf(await admin.mutation('admin.apiKeys.revoke', { id: created.apiKey.id }));
    expect(revoked.revokedAt).not.toBeNull();
    expect((await callApi(created.key)).statusCode).toBe(401);

    const audit = server.runtime.services.audit;
    for (const action of ['api_key.created', 'api_key.revoked']) {
      const [entry] = (await audit.list({ action, targetId: created.apiKey.id, limit: 5 })).data;
      expect(entry?.actor).toEqual({ type: 'user', id: admin.userId });
    }
  });

  it('refuses keys without scopes, unknown scopes, and roles without api_keys:manage', async () => {
    errorOf(await admin.mutation('admin.apiKeys.create', { name: 'none', scopes: [] }), 'BAD_REQUEST');
    errorOf(await admin.mutation('admin.apiKeys.create', { name: 'x', scopes: ['root'] }), 'BAD_REQUEST');
    errorOf(
      await admin.mutation('admin.apiKeys.revoke', { id: '0190a000-0000-7000-8000-00000000ffff' }),
      'NOT_FOUND',
    );
    const manager = await staffCaller(server, 'manager', 'max-manager');
    errorOf(await manager.query('admin.apiKeys.list'), 'FORBIDDEN');
    errorOf(
      await manager.mutation('admin.apiKeys.create', { name: 'x', scopes: ['tracks:read'] }),
      'FORBIDDEN',
    );
  });
});
