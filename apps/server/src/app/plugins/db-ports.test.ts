import { SecretBox } from '@warmpath/core';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbCredentialVault } from './db-credential-vault.js';
import { DbKvStoreProvider } from './db-kv-store.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('database-backed plugin ports on %s', (kind) => {
  let database: TestDatabase;
  let now = new Date('2026-11-22T10:00:00Z');
  const clock = { now: () => now };
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('keeps each plugin instance in its own kv namespace and honours expiry', async () => {
    const provider = new DbKvStoreProvider(database.db, clock);
    const a = provider.namespace('acme:default');
    const b = provider.namespace('acme:other');
    await a.set('cursor', { since: '2026-01-01' });
    await a.set('short', 1, { ttlSeconds: 60 });
    expect(await a.get('cursor')).toEqual({ since: '2026-01-01' });
    expect(await b.get('cursor')).toBeUndefined();
    now = new Date(now.getTime() + 61_000);
    expect(await a.get('short')).toBeUndefined();
    expect(await a.delete('short')).toBe(false);
    expect(await a.delete('cursor')).toBe(true);
    expect(await a.get('cursor')).toBeUndefined();
  });

  it('lists by literal prefix: LIKE wildcards in the prefix match only themselves', async () => {
    const store = new DbKvStoreProvider(database.db, clock).namespace('list-test');
    for (const key of ['seen:1', 'seen:2', 'seen_x', 'seenZ', 'other']) await store.set(key, key);
    expect((await store.list({ prefix: 'seen:' })).map((e) => e.key)).toEqual(['seen:1', 'seen:2']);
    expect((await store.list({ prefix: 'seen_' })).map((e) => e.key)).toEqual(['seen_x']);
    expect((await store.list()).map((e) => e.key)).toEqual(['other', 'seen:1', 'seen:2', 'seenZ', 'seen_x']);
  });

  it('stores credentials sealed and clears them', async () => {
    const box = new SecretBox('a'.repeat(40));
    const store = new DbCredentialVault(database.db, box, clock).forInstance('crm', 'eu');
    expect(await store.get()).toBeNull();
    await store.set({ accessToken: 'at_secret', refreshToken: 'rt_secret' });
    const raw = await database.db
      .selectFrom('plugin_kv')
      .select('value')
      .where('key', '=', 'crm:eu')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw.value)).not.toContain('at_secret');
    expect(await store.get()).toEqual({ accessToken: 'at_secret', refreshToken: 'rt_secret' });
    await store.clear();
    expect(await store.get()).toBeNull();
  });
});
