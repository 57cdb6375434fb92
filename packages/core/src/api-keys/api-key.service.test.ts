import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { createFakeClock, type FakeClock } from '../testing/fake-clock.js';
import { API_SCOPES, type Scope } from './api-key.schema.js';
import { ApiKeyService, assertScope } from './api-key.service.js';

const creator = '0190a000-0000-7000-8000-0000000000c1';
const kinds = await testDatabaseKinds();

describe.each(kinds)('API keys on %s', (kind) => {
  let database: TestDatabase;
  let clock: FakeClock;
  let keys: ApiKeyService;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    clock = createFakeClock('2026-05-01T12:00:00.000Z');
    keys = new ApiKeyService({ db: database.db, clock });
    audit = new AuditService({ db: database.db });
  });
  afterAll(() => database?.close());

  it('creates a wp_ key shown once, stored as a SHA-256 hash with a visible prefix, audited', async () => {
    const { key, apiKey } = await keys.createApiKey({
      name: 'CRM sync',
      scopes: ['referrals:read', 'referrals:write', 'referrals:read'],
      createdBy: creator,
    });
    expect(key).toMatch(/^wp_[a-z2-7]{32,}$/);
    expect(apiKey).toMatchObject({
      name: 'CRM sync',
      prefix: key.slice(0, 12),
      scopes: ['referrals:read', 'referrals:write'],
      createdBy: creator,
      createdAt: '2026-05-01T12:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    });

    const row = await database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(await keys.list())).not.toContain(key);

    const [entry] = (await audit.list({ targetId: apiKey.id, limit: 10 })).data;
    expect(entry).toMatchObject({ action: 'api_key.created', actor: { type: 'user', id: creator } });
    expect(JSON.stringify(entry)).not.toContain(key);
  });

  it('verifies a key into its record, and nothing else', async () => {
    const { key, apiKey } = await keys.createApiKey({ name: 'Website', scopes: ['events:write'] });
    expect((await keys.verifyApiKey(key))?.id).toBe(apiKey.id);
    expect(await keys.verifyApiKey(`${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`)).toBeNull();
    expect(await keys.verifyApiKey('')).toBeNull();
    expect(await keys.verifyApiKey(`${key}${'x'.repeat(600)}`)).toBeNull();
  });

  it('records when a key was last used, at most once a minute', async () => {
    const { key, apiKey } = await keys.createApiKey({ name: 'Usage', scopes: ['tracks:read'] });
    const storedLastUse = async () =>
      (
        await database.db
          .selectFrom('api_keys')
          .select('last_used_at')
          .where('id', '=', apiKey.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;

    const firstUse = clock.now();
    expect((await keys.verifyApiKey(key))?.lastUsedAt).toBe(firstUse.toISOString());
    clock.advance(30_000);
    expect((await keys.verifyApiKey(key))?.lastUsedAt).toBe(firstUse.toISOString());
    expect(await storedLastUse()).toEqual(firstUse);
    clock.advance(31_000);
    expect((await keys.verifyApiKey(key))?.lastUsedAt).toBe(clock.now().toISOString());
    expect(await storedLastUse()).toEqual(clock.now());
  });

  it('stops accepting a revoked key at once; revoking twice records one revocation', async () => {
    const { key, apiKey } = await keys.createApiKey({
      name: 'Leaked',
      scopes: ['participants:write'],
      createdBy: creator,
    });
    const actor = { type: 'user' as const, id: creator };
    const revoked = await keys.revokeApiKey(apiKey.id, { actor, role: 'admin', ip: '192.0.2.1' });
    expect(revoked.revokedAt).toBe(clock.now().toISOString());
    expect(await keys.verifyApiKey(key)).toBeNull();
    expect((await keys.revokeApiKey(apiKey.id)).revokedAt).toBe(revoked.revokedAt);

    const { data } = await audit.list({ targetId: apiKey.id, action: 'api_key.revoked', limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      actor,
      ip: '192.0.2.1',
      changes: { revoked: { before: false, after: true } },
    });

    await expect(keys.revokeApiKey('0190a000-0000-7000-8000-00000000dead')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(keys.revokeApiKey('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists keys newest first, revoked ones included', async () => {
    const listed = await keys.list();
    expect(listed.map((apiKey) => apiKey.name).slice(0, 4)).toEqual([
      'Leaked',
      'Usage',
      'Website',
      'CRM sync',
    ]);
    expect(listed[0]?.revokedAt).not.toBeNull();
  });

  it('lists a page at a time with an opaque cursor, newest first', async () => {
    const all = await keys.list();
    const first = await keys.listPage({ limit: 2 });
    expect(first.data).toEqual(all.slice(0, 2));
    const rest = await keys.listPage({ limit: 200, cursor: first.nextCursor ?? '' });
    expect(rest).toEqual({ data: all.slice(2), nextCursor: null });
    await expect(keys.listPage({ cursor: 'junk' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('never lets a key or a staff role grant a scope it lacks, naming the missing scopes', async () => {
    const { apiKey: manager } = await keys.createApiKey({
      name: 'Key manager',
      scopes: ['api-keys:write', 'tracks:read', 'events:write'],
    });
    const asKey = {
      actor: { type: 'api_key' as const, id: manager.id },
      scopes: manager.scopes,
      ip: '192.0.2.9',
    };
    const before = (await keys.list()).length;
    const wider = { name: 'Wider', scopes: ['tracks:read', 'referrals:write', 'audit:read'] as Scope[] };
    await expect(keys.createApiKey(wider, asKey)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(keys.createApiKey(wider, asKey)).rejects.toThrow(
      'This API key cannot grant scopes it lacks: referrals:write, audit:read',
    );
    expect(await keys.list()).toHaveLength(before);

    const { apiKey: narrower } = await keys.createApiKey(
      { name: 'Narrower', scopes: ['events:write'] },
      asKey,
    );
    expect(narrower).toMatchObject({ scopes: ['events:write'], createdBy: null });
    const [entry] = (await audit.list({ targetId: narrower.id, action: 'api_key.created', limit: 1 })).data;
    expect(entry).toMatchObject({ actor: { type: 'api_key', id: manager.id }, ip: '192.0.2.9' });

    // Staff hold the scopes their role's permissions include: a manager has no api-keys:write, no webhooks:write.
    const asManager = { actor: { type: 'user' as const, id: creator }, role: 'manager' as const };
    await expect(keys.createApiKey({ name: 'M', scopes: ['webhooks:write'] }, asManager)).rejects.toThrow(
      'You cannot grant scopes you lack: webhooks:write',
    );
    const asAdmin = { actor: { type: 'user' as const, id: creator }, role: 'admin' as const };
    expect((await keys.createApiKey({ name: 'A', scopes: [...API_SCOPES] }, asAdmin)).apiKey.scopes).toEqual([
      ...API_SCOPES,
    ]);
  });

  it('lets a key revoke only keys whose scopes it holds', async () => {
    const { apiKey: manager } = await keys.createApiKey({
      name: 'Revoker',
      scopes: ['api-keys:write', 'tracks:read'],
    });
    const asKey = { actor: { type: 'api_key' as const, id: manager.id }, scopes: manager.scopes };
    const { key: broader, apiKey: broaderKey } = await keys.createApiKey({
      name: 'Broader',
      scopes: ['tracks:read', 'tracks:write'],
    });
    await expect(keys.revokeApiKey(broaderKey.id, asKey)).rejects.toThrow(
      'This API key cannot revoke a key with scopes it lacks: tracks:write',
    );
    expect(await keys.verifyApiKey(broader)).not.toBeNull();
    const { apiKey: reader } = await keys.createApiKey({ name: 'Reader', scopes: ['tracks:read'] });
    expect((await keys.revokeApiKey(reader.id, asKey)).revokedAt).not.toBeNull();
    // Itself too.
    expect((await keys.revokeApiKey(manager.id, asKey)).revokedAt).not.toBeNull();
  });

  it('rejects unknown scopes, an empty scope list and unknown fields', async () => {
    const attempt = keys.createApiKey({ name: 'Bad', scopes: ['tracks:read', 'root' as 'tracks:read'] });
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: 'scopes.1' }] });
    await expect(keys.createApiKey({ name: 'Empty', scopes: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      keys.createApiKey({ name: 'X', scopes: ['tracks:read'], admin: true } as never),
    ).rejects.toMatchObject({
      issues: [{ path: 'admin', message: 'Unknown field' }],
    });
  });

  it('ensures the bootstrap key: equal to the given value, with every scope, once', async () => {
    const value = 'operator-chosen-bootstrap-key';
    const first = await keys.ensureBootstrapApiKey(value);
    expect(first.outcome).toBe('created');
    expect(first.apiKey.scopes).toEqual([...API_SCOPES]);
    expect(value.startsWith(first.apiKey.prefix)).toBe(true);
    expect(first.apiKey.prefix.length).toBeLessThan(value.length / 2);
    expect((await keys.verifyApiKey(value))?.id).toBe(first.apiKey.id);

    const again = await keys.ensureBootstrapApiKey(value);
    expect(again.outcome).toBe('unchanged');
    expect(again.apiKey.id).toBe(first.apiKey.id);
    const bootstrapKeys = (await keys.list()).filter((apiKey) => apiKey.name.startsWith('Bootstrap'));
    expect(bootstrapKeys).toHaveLength(1);
  });

  it('gives an existing bootstrap key the scopes it lacks, and leaves a revoked one revoked', async () => {
    const value = 'bootstrap-key-from-an-older-version';
    const { apiKey } = await keys.ensureBootstrapApiKey(value);
    await database.db
      .updateTable('api_keys')
      .set({ scopes: JSON.stringify(['tracks:read']) })
      .where('id', '=', apiKey.id)
      .execute();
    const upgraded = await keys.ensureBootstrapApiKey(value);
    expect(upgraded).toMatchObject({
      outcome: 'updated',
      apiKey: { id: apiKey.id, scopes: [...API_SCOPES] },
    });

    await keys.revokeApiKey(apiKey.id);
    expect((await keys.ensureBootstrapApiKey(value)).outcome).toBe('revoked');
    expect(await keys.verifyApiKey(value)).toBeNull();
    await expect(keys.ensureBootstrapApiKey('  ')).rejects.toBeInstanceOf(ValidationError);
  });

  it('tells the REST layer when a key lacks a scope', () => {
    expect(() => assertScope({ scopes: ['tracks:read'] }, 'tracks:read')).not.toThrow();
    expect(() => assertScope({ scopes: ['tracks:read'] }, 'tracks:write')).toThrow(ForbiddenError);
  });
});
