import { createTestDatabase, type TestDatabase } from '@warmpath/db/testing';
import { writeOutbox } from '@warmpath/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit, currentTransaction, runInTransaction } from './unit-of-work.js';

describe('runInTransaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database?.close());

  /** Writes an outbox row with whatever transaction is ambient, as a plugin's job port does. */
  const writeAmbient = async (jobName: string) => {
    const trx = currentTransaction();
    if (!trx) throw new Error('no ambient transaction');
    await writeOutbox(trx, { jobName, payload: {} });
  };
  const rowsOf = (jobName: string) =>
    database.db.selectFrom('outbox').select('id').where('job_name', '=', jobName).execute();

  it('lets code it calls join the transaction, which commits or rolls back as a whole', async () => {
    await runInTransaction(database.db, () => writeAmbient('uow.committed'));
    await expect(
      runInTransaction(database.db, async () => {
        await writeAmbient('uow.rolled-back');
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');

    expect(await rowsOf('uow.committed')).toHaveLength(1);
    expect(await rowsOf('uow.rolled-back')).toEqual([]);
    expect(currentTransaction()).toBeUndefined();
  });

  it('joins an outer unit of work instead of opening a second transaction', async () => {
    await expect(
      runInTransaction(database.db, async (outer) => {
        await runInTransaction(database.db, async (inner) => {
          expect(inner).toBe(outer);
          await writeAmbient('uow.nested');
        });
        throw new Error('the outer use case failed');
      }),
    ).rejects.toThrow();
    expect(await rowsOf('uow.nested')).toEqual([]);
  });

  it('calls afterCommit callbacks only once the transaction committed', async () => {
    const calls: string[] = [];
    await runInTransaction(database.db, async () => {
      afterCommit(() => calls.push('committed'));
      expect(calls).toEqual([]);
    });
    await runInTransaction(database.db, async () => {
      afterCommit(() => calls.push('rolled back'));
      throw new Error('rollback');
    }).catch(() => {});
    afterCommit(() => calls.push('no transaction'));
    expect(calls).toEqual(['committed', 'no transaction']);
  });

  it('does not hand out a transaction that has ended to async work the unit of work left running', async () => {
    let late: Promise<unknown> | undefined;
    await runInTransaction(database.db, async () => {
      late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => currentTransaction());
    });
    expect(await late).toBeUndefined();
  });
});
