import { type Database, type Kysely, newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase } from '@warmpath/db/testing';
import { createInProcessQueue, type JobQueue, silentJobLogger } from '@warmpath/jobs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineHousekeepingJob, HOUSEKEEPING_JOB } from './housekeeping.js';
import type { Logger } from './logger.js';

describe('housekeeping (a scheduled job)', () => {
  let database: TestDatabase;
  let queue: JobQueue | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterEach(() => queue?.stop());
  afterAll(() => database?.close());

  const oldKey = () => ({
    api_key_id: newId(),
    key: newId(),
    method: 'POST',
    path: '/api/v1/events',
    request_hash: 'h',
    response_status: 202,
    response_body: '{}',
    created_at: new Date(Date.now() - 3 * 24 * 3600 * 1000),
  });

  it('is scheduled hourly by default', async () => {
    queue = createInProcessQueue({ logger: silentJobLogger });
    defineHousekeepingJob(queue, {
      db: database.db,
      clock: { now: () => new Date() },
      logger: { info: vi.fn() } as unknown as Logger,
    });
    expect(await queue.schedules()).toEqual([
      expect.objectContaining({ name: HOUSEKEEPING_JOB, everyMs: 3_600_000, jitterMs: 60_000 }),
    ]);
  });

  it('prunes expired rows on its schedule and logs what it deleted', async () => {
    await database.db.insertInto('idempotency_keys').values([oldKey(), oldKey()]).execute();
    const info = vi.fn();
    queue = createInProcessQueue({ logger: silentJobLogger });
    defineHousekeepingJob(queue, {
      db: database.db,
      clock: { now: () => new Date() },
      logger: { info } as unknown as Logger,
      schedule: { every: 50 },
    });
    await queue.start();
    await vi.waitFor(() => expect(info).toHaveBeenCalled(), { timeout: 5000 });
    expect(info.mock.calls[0]?.[0]).toMatchObject({ pruned: { idempotencyKeys: 2 } });
    expect(await database.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
    await vi.waitFor(async () => expect((await queue?.schedules())?.[0]?.lastResult).toBe('ok'));
  });

  it('records a failed run on the schedule instead of throwing', async () => {
    // Every query builder call fails, as with a database that is down (a closed PGlite takes seconds to make).
    const unreachable = new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('database unreachable');
        },
      },
    ) as unknown as Kysely<Database>;
    queue = createInProcessQueue({ logger: silentJobLogger });
    defineHousekeepingJob(queue, {
      db: unreachable,
      clock: { now: () => new Date() },
      logger: { info: vi.fn() } as unknown as Logger,
      schedule: { every: 50 },
    });
    await queue.start();
    await vi.waitFor(async () => expect((await queue?.schedules())?.[0]?.lastResult).toBe('error'), {
      timeout: 5000,
    });
    expect((await queue.schedules())[0]?.lastError).toBe('database unreachable');
  });
});
