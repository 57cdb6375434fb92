import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
// Not Kysely's own PGliteDialect: it hands every caller the one connection at once, so concurrent transactions (any
// two requests in embedded mode) interleave inside each other; this dialect queues them on the single connection.
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type AppendRows, appendRowsWithCopy, appendRowsWithInsert } from './append-rows.js';
import { type Listen, listenWithPg, listenWithPglite } from './listen.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseOptions {
  /** A `postgres://` URL. When set, Warmpath uses a `pg` pool against it. */
  databaseUrl?: string | undefined;
  /**
   * Where the embedded PGlite database keeps its files when no URL is given; `memory://` keeps it in memory.
   * Defaults to `./.warmpath`.
   */
  dataDir?: string | undefined;
  /** Pool size for Postgres. Defaults to 10. */
  maxConnections?: number | undefined;
  /**
   * A PGlite data directory dump (`dumpDataDir()`) an in-memory PGlite starts from instead of running `initdb`,
   * which takes seconds; test databases start from a migrated snapshot this way.
   */
  pgliteSnapshot?: Blob | undefined;
}

/** A connected database: the Kysely instance plus what the host needs to check and close it. */
export interface WarmpathDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /**
   * Appends rows to a table in one round trip, outside any transaction: `COPY` on Postgres, a multi-row INSERT on
   * PGlite. For append-only streams written in batches (clicks); rejects when any row is refused, writing none.
   */
  readonly appendRows: AppendRows;
  /**
   * Subscribes to a notification channel (`pg_notify` in a transaction is delivered at its commit): a dedicated,
   * reconnecting `pg` client on Postgres, the embedded instance's own listener on PGlite.
   */
  readonly listen: Listen;
  /** Resolves when the database answers a trivial query (used by /readyz). */
  ping(): Promise<void>;
  /** Closes the pool or the embedded database; further queries fail. */
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums come back as int8/numeric, which both drivers would hand over as strings. Warmpath's counts fit
 * comfortably in a double, so both drivers parse them to numbers and callers see the same shapes on each.
 */
const parseNumber = (value: string): number => Number(value);

/** The one dialect factory: `databaseUrl` → Postgres via `pg`; otherwise PGlite persisted under `dataDir`. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<WarmpathDatabase> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return createPglite(options.dataDir ?? './.warmpath', options.pgliteSnapshot);
}

function createPostgres(connectionString: string, max: number): WarmpathDatabase {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? parseNumber
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its connection (database restart, failover, a terminated backend) must not crash the process.
  // The pool covers idle clients; one a caller holds between queries emits 'error' on itself, and with no listener
  // that is an uncaught exception. Its next query fails instead, and the pool drops it when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    appendRows: appendRowsWithCopy(pool),
    listen: listenWithPg(connectionString),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

async function createPglite(dataDir: string, snapshot: Blob | undefined): Promise<WarmpathDatabase> {
  let location = dataDir;
  if (dataDir !== 'memory://') {
    location = path.resolve(dataDir, 'pgdata');
    await mkdir(location, { recursive: true });
  }
  // One options object: PGlite ignores `loadDataDir` given next to a `dataDir` argument of undefined.
  const pglite = await PGlite.create({
    ...(location === 'memory://' ? {} : { dataDir: location }),
    parsers: { [INT8_OID]: parseNumber, [NUMERIC_OID]: parseNumber },
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    appendRows: appendRowsWithInsert(db),
    listen: listenWithPglite(pglite),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    // Destroying the Kysely driver closes PGlite (kysely-pglite-dialect ≥ 1.3.1), which flushes it to disk.
    close: () => db.destroy(),
  };
}

/**
 * jsonb values are written as JSON text. `pg` would turn a JS array into a Postgres array literal, so every jsonb
 * write goes through this helper and both drivers store the same thing.
 */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
