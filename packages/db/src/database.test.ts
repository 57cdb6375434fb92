import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, json } from './database.js';
import { newId } from './ids.js';
import { migrateDown, migrateToLatest, migrationStatus } from './migrator.js';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from './testing/index.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('database on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => database.close());

  it('applies every migration, reports it, and can go down and up again', async () => {
    const up = await migrateToLatest(database.db);
    expect(up.applied.map((m) => m.name)).toContain('2026-11-22T0100-foundation');
    expect((await migrationStatus(database.db)).every((m) => m.executedAt)).toBe(true);
    expect((await migrateToLatest(database.db)).applied).toEqual([]);

    const down = await migrateDown(database.db);
    expect(down.applied[0]).toMatchObject({ direction: 'Down' });
    await migrateToLatest(database.db);
    await database.ping();
  });

  it('stores jsonb arrays and objects the same way on both drivers and counts as numbers', async () => {
    const id = newId();
    await database.db
      .insertInto('tracks')
      .values({
        id,
        slug: `t-${id}`,
        name: 'Clients',
        kind: 'client',
        landing_url: 'https://example.com',
        allowed_destinations: json(['https://example.com/a']),
        form: json({ fields: [] }),
        settings: json({ nested: { ok: true } }),
        updated_at: new Date(),
      })
      .execute();
    const row = await database.db
      .selectFrom('tracks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.allowed_destinations).toEqual(['https://example.com/a']);
    expect(row.settings).toEqual({ nested: { ok: true } });
    expect(row.attribution_window_days).toBe(90);
    expect(row.created_at).toBeInstanceOf(Date);
    const { count } = await database.db
      .selectFrom('tracks')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });
});

describe('embedded PGlite', () => {
  it('keeps its data in the data directory across restarts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'warmpath-db-'));
    try {
      const first = await createDatabase({ dataDir });
      await migrateToLatest(first.db);
      await first.db
        .insertInto('plugin_kv')
        .values({
          namespace: 'test',
          key: 'k',
          value: json({ kept: 1 }),
          expires_at: null,
          updated_at: new Date(),
        })
        .execute();
      await first.close();

      const second = await createDatabase({ dataDir });
      expect(second.kind).toBe('pglite');
      const row = await second.db.selectFrom('plugin_kv').selectAll().executeTakeFirstOrThrow();
      expect(row.value).toEqual({ kept: 1 });
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!kinds.includes('postgres'))('Postgres connections that drop', () => {
  it('a connection lost while a caller holds it between queries does not crash the process', async () => {
    const database = await createTestDatabase('postgres', { migrate: false });
    try {
      await database.db.connection().execute(async (connection) => {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection))
          .rows[0]!;
        // Another session ends this one (a database restart or failover looks the same to the client).
        await sql`select pg_terminate_backend(${pid})`.execute(database.db);
        // Give the socket time to report the reset; without a listener it would be an uncaught exception.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await expect(sql`select 1`.execute(connection)).rejects.toThrow();
      });
      // The pool drops the dead connection and serves the next caller with a fresh one.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
