import { createDatabase, migrateDown, migrateToLatest, migrationStatus } from '@warmpath/db';
import { loadConfig } from '../config/load-config.js';
import { fail } from './with-runtime.js';

/** `warmpath migrate [up|down|status]`: talks to the database only, so it runs before any pod starts. */
export async function migrateCommand(direction: 'up' | 'down' | 'status') {
  try {
    const config = loadConfig();
    const database = await createDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.WARMPATH_DATA_DIR,
    });
    try {
      if (direction === 'status') {
        for (const m of await migrationStatus(database.db)) {
          process.stdout.write(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}\n`);
        }
        return;
      }
      const report = direction === 'up' ? await migrateToLatest(database.db) : await migrateDown(database.db);
      if (report.applied.length === 0) process.stdout.write('Nothing to do: the database is up to date.\n');
      for (const step of report.applied)
        process.stdout.write(`${step.direction === 'Up' ? 'applied ' : 'reverted'}  ${step.name}\n`);
    } finally {
      await database.close();
    }
  } catch (error) {
    fail(error);
  }
}
