import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { createDatabase, type WarmpathDatabase } from '../database.js';
import { migrations } from '../migrations/index.js';
import { migrateToLatest } from '../migrator.js';
import type { Database } from '../schema.js';

const PREFIX = 'warmpath-test-pglite-';

/** Changes whenever a migration is added or edited, so a stale snapshot is never used. */
function snapshotFile(): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(migrations)) {
    hash
      .update(name)
      .update(migration.up.toString())
      .update(migration.down?.toString() ?? '');
  }
  return path.join(tmpdir(), `${PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Runs `initdb` and every migration once, and keeps the result where every test process finds it. */
async function writeSnapshot(file: string): Promise<Blob> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  // Flushes what the migrations wrote from the WAL into the data files the dump copies.
  await pglite.exec('checkpoint');
  const snapshot = await pglite.dumpDataDir('none');
  await db.destroy();
  // Written aside and renamed: test processes starting at once each see a whole file or none.
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, new Uint8Array(await snapshot.arrayBuffer()));
  await rename(partial, file);
  const stale = (await readdir(tmpdir())).filter(
    (entry) => entry.startsWith(PREFIX) && entry.endsWith('.tar') && path.join(tmpdir(), entry) !== file,
  );
  await Promise.all(stale.map((entry) => rm(path.join(tmpdir(), entry), { force: true })));
  return snapshot;
}

/**
 * A fresh, migrated, in-memory PGlite. Starting PGlite runs `initdb`, which takes seconds per test file; this loads
 * a snapshot of a migrated database instead (about a second), made by the first test process that needs it.
 */
export async function createMigratedPglite(): Promise<WarmpathDatabase> {
  const file = snapshotFile();
  const snapshot = await readFile(file).then(
    (bytes) => new Blob([bytes]),
    () => writeSnapshot(file),
  );
  return createDatabase({ dataDir: 'memory://', pgliteSnapshot: snapshot });
}
