import { newId } from '@warmpath/db';
import { createTestDatabase, type TestDatabase } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHousekeeping } from './housekeeping.js';
import type { Logger } from './logger.js';

describe('housekeeping', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
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

  it('prunes on its timer after start, logs what it deleted, and stops cleanly', async () => {
    await database.db.insertInto('idempotency_keys').values([oldKey(), oldKey()]).execute();
    const info = vi.fn();
    const logger = { info, warn: vi.fn() } as unknown as Logger;
    const housekeeping = createHousekeeping({
      db: database.db,
      clock: { now: () => new Date() },
      logger,
      intervalMs: 20,
      firstRunDelayMs: 5,
    });
    housekeeping.start();
    await vi.waitFor(() => expect(info).toHaveBeenCalled(), { timeout: 5000 });
    expect(info.mock.calls[0]?.[0]).toMatchObject({ pruned: { idempotencyKeys: 2 } });
    await housekeeping.stop();
    expect(await database.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });

  it('logs a failed run instead of throwing', async () => {
    const warn = vi.fn();
    const broken = await createTestDatabase('pglite');
    await broken.close();
    const housekeeping = createHousekeeping({
      db: broken.db,
      clock: { now: () => new Date() },
      logger: { info: vi.fn(), warn } as unknown as Logger,
    });
    expect(await housekeeping.runOnce()).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    await housekeeping.stop();
  });
});
