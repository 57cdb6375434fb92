import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { AuditService } from './audit.service.js';
import { diffChanges } from './changes.js';
import { recordAudit } from './record-audit.js';

const kinds = await testDatabaseKinds();

describe.each(kinds)('audit log on %s', (kind) => {
  let database: TestDatabase;
  let audit: AuditService;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    audit = new AuditService({ db: database.db });
  });
  afterAll(() => database?.close());

  it('keeps an entry written in a committed transaction, with its change, actor, target and ip', async () => {
    const changes = diffChanges({ name: 'Old', slaHours: 48 }, { name: 'New', slaHours: 48 });
    await database.db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor: { type: 'user', id: 'u-1' },
        action: 'thing.renamed',
        target: { type: 'thing', id: 't-committed' },
        changes,
        ip: '203.0.113.9',
        at: new Date('2026-03-01T10:00:00.000Z'),
      }),
    );
    const { data } = await audit.list({ targetId: 't-committed', limit: 10 });
    expect(data).toEqual([
      {
        id: expect.any(String),
        at: '2026-03-01T10:00:00.000Z',
        actor: { type: 'user', id: 'u-1' },
        action: 'thing.renamed',
        target: { type: 'thing', id: 't-committed' },
        changes: { name: { before: 'Old', after: 'New' } },
        ip: '203.0.113.9',
      },
    ]);
  });

  it('loses the entry when the transaction that made the change rolls back', async () => {
    const failure = new Error('the change failed after auditing');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          actor: { type: 'system', id: null },
          action: 'thing.deleted',
          target: { type: 'thing', id: 't-rolled-back' },
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await audit.list({ targetId: 't-rolled-back', limit: 10 })).data).toEqual([]);
  });

  it('pages through entries newest first with opaque cursors, filtered by action', async () => {
    const written: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const entry = await recordAudit(database.db, {
        actor: { type: 'api_key', id: 'k-1' },
        action: 'page.test',
        target: { type: 'thing', id: `p-${index}` },
      });
      written.push(entry.id);
    }
    await recordAudit(database.db, {
      actor: { type: 'system', id: null },
      action: 'other.test',
      target: { type: 'x', id: null },
    });

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit.list({ action: 'page.test', limit: 2, ...(cursor ? { cursor } : {}) });
      pageSizes.push(page.data.length);
      seen.push(...page.data.map((entry) => entry.id));
      if (page.nextCursor) expect(page.nextCursor).not.toContain(page.data.at(-1)?.id ?? '');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(pageSizes).toEqual([2, 2, 1]);
    expect(seen).toEqual([...written].reverse());
  });

  it('rejects a forged cursor and an out-of-range limit as invalid input', async () => {
    await expect(audit.list({ limit: 10, cursor: 'not-a-cursor' })).rejects.toMatchObject({
      issues: [{ path: 'cursor', message: 'Invalid cursor' }],
    });
    await expect(audit.list({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(audit.list({ limit: 201 })).rejects.toBeInstanceOf(ValidationError);
  });
});
