import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface MigrationReport {
  applied: { name: string; direction: 'Up' | 'Down' }[];
}

/** Raised when a migration fails; names the migration so the operator knows where to look. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(
      `Migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'MigrationError';
  }
}

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'warmpath_migrations',
    migrationLockTableName: 'warmpath_migrations_lock',
  });
}

function toReport(result: MigrationResultSet): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return {
    applied: (result.results ?? [])
      .filter((r) => r.status === 'Success')
      .map((r) => ({ name: r.migrationName, direction: r.direction })),
  };
}

/** Applies every pending migration. Safe to run from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  return toReport(await createMigrator(db).migrateToLatest());
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Kysely<Database>): Promise<MigrationReport> {
  return toReport(await createMigrator(db).migrateDown());
}

/** Lists every known migration and whether it has been applied. */
export async function migrationStatus(
  db: Kysely<Database>,
): Promise<{ name: string; executedAt: Date | null }[]> {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
