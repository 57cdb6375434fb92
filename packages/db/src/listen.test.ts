import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from './testing/index.js';

const kinds = await testDatabaseKinds();

const waitFor = async (check: () => boolean, timeoutMs = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.each(kinds)('listening on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => database.close());

  it('hears notifications of committed transactions only', async () => {
    const heard: string[] = [];
    const subscription = await database.listen('wp_listen_test', {
      onNotification: (payload) => heard.push(payload),
    });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`select pg_notify('wp_listen_test', 'rolled back')`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db.transaction().execute(async (trx) => {
      await sql`select pg_notify('wp_listen_test', 'committed')`.execute(trx);
    });
    await waitFor(() => heard.length > 0);
    expect(heard).toEqual(['committed']);
    await subscription.close();
  });

  it.runIf(kind === 'postgres')('reconnects when its connection is killed, and says so', async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const subscription = await database.listen('wp_listen_kill', {
      onNotification: (payload) => heard.push(payload),
      onReconnect: () => {
        reconnects += 1;
      },
    });
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`.execute(
      database.db,
    );
    await waitFor(() => reconnects === 1);
    await sql`select pg_notify('wp_listen_kill', 'after')`.execute(database.db);
    await waitFor(() => heard.length > 0);
    expect(heard).toEqual(['after']);
    await subscription.close();
  });
});
