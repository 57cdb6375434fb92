import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseKind, type WarmpathDatabase } from '../database.js';
import { migrateToLatest } from '../migrator.js';
import { createMigratedPglite } from './migrated-pglite.js';

/** The Postgres server integration tests use (docs/contributing.md "Tests"). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresAvailable: Promise<boolean> | undefined;

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database kinds integration suites run on: always PGlite, plus Postgres when it answers. With `CI=true` a
 * missing Postgres is an error rather than a silent skip, so CI cannot go green without exercising it.
 */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  postgresAvailable ??= probePostgres();
  if (await postgresAvailable) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but Postgres is not reachable at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL)`);
  }
  console.warn(`[warmpath] Postgres not reachable at ${TEST_DATABASE_URL}: running PGlite only`);
  return ['pglite'];
}

export interface TestDatabase extends WarmpathDatabase {
  /** The URL of the throw-away Postgres database, or undefined for PGlite. */
  readonly url: string | undefined;
}

/**
 * A fresh, migrated, isolated database: a new Postgres database on the test server (dropped on close) or an
 * in-memory PGlite. Each test file gets its own, so suites run in parallel without sharing rows.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const database = migrate ? await createMigratedPglite() : await createDatabase({ dataDir: 'memory://' });
    return { ...database, url: undefined };
  }
  const name = `wp_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
