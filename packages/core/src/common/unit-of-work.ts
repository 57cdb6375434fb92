import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Kysely, Transaction } from '@warmpath/db';

interface UnitOfWork {
  trx: Transaction<Database>;
  afterCommit: (() => void)[];
  /** False once the transaction has ended: async work it started and left running must not use it any more. */
  open: boolean;
}

/** The transaction of the use case running in the current async context (plugin code called from it included). */
const ambient = new AsyncLocalStorage<UnitOfWork>();

/**
 * Runs `work` in a transaction that code called from it can join without being handed it: plugins, whose ports
 * never see the database, write their jobs to the outbox with it (see {@link currentTransaction}), so those jobs
 * commit or roll back with the use case's change. Called inside another unit of work, `work` joins that
 * transaction rather than opening a second one (on PGlite's single connection a second one would wait forever).
 */
export function runInTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const outer = ambient.getStore();
  if (outer?.open) return work(outer.trx);
  let unit: UnitOfWork | undefined;
  return db
    .transaction()
    .execute((trx) => {
      unit = { trx, afterCommit: [], open: true };
      return ambient.run(unit, () => work(trx));
    })
    .finally(() => {
      if (unit) unit.open = false;
    })
    .then((result) => {
      for (const callback of unit?.afterCommit ?? []) callback();
      return result;
    });
}

/** The transaction of the unit of work running now, if any. */
export function currentTransaction(): Transaction<Database> | undefined {
  const unit = ambient.getStore();
  return unit?.open ? unit.trx : undefined;
}

/**
 * Calls `callback` once the current unit of work commits (never if it rolls back), or right away outside one.
 * For nudges that must not see uncommitted rows, such as waking the outbox dispatcher.
 */
export function afterCommit(callback: () => void): void {
  const unit = ambient.getStore();
  if (unit?.open) unit.afterCommit.push(callback);
  else callback();
}
