import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCopyText } from './append-rows.js';
import { newId } from './ids.js';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from './testing/index.js';

const kinds = await testDatabaseKinds();

const COLUMNS = [
  'id',
  'enrollment_id',
  'track_id',
  'participant_id',
  'occurred_at',
  'ip_hash',
  'user_agent',
  'is_bot',
  'destination',
  'query',
] as const;

describe('COPY text encoding', () => {
  it('escapes separators and backslashes, writes null as \\N and drops NUL', () => {
    expect(
      encodeCopyText([
        ['a\tb', 'line\nbreak\r', 'back\\slash', null, true, false, 3, new Date('2026-01-02T03:04:05.006Z')],
        ['nul\u0000here', '\\N'],
      ]),
    ).toBe(
      'a\\tb\tline\\nbreak\\r\tback\\\\slash\t\\N\tt\tf\t3\t2026-01-02T03:04:05.006Z\n' + 'nulhere\t\\\\N\n',
    );
  });
});

describe.each(kinds)('appendRows on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  const row = (id: string, userAgent: string | null) => [
    id,
    newId(),
    newId(),
    newId(),
    new Date('2026-06-01T12:00:00.123Z'),
    null,
    userAgent,
    true,
    'https://example.com/?a=1&b=\\2',
    '{"gclid":"x\\ty"}',
  ];

  it('stores every value as given, awkward characters included', async () => {
    const ids = [newId(), newId()];
    await database.appendRows('clicks', COLUMNS, [
      row(ids[0] as string, 'Tab\there, new\nline, back\\slash, nul\u0000, "quotes", {braces}'),
      row(ids[1] as string, null),
    ]);
    const stored = await database.db
      .selectFrom('clicks')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('user_agent')
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      id: ids[0],
      user_agent: 'Tab\there, new\nline, back\\slash, nul, "quotes", {braces}',
      occurred_at: new Date('2026-06-01T12:00:00.123Z'),
      ip_hash: null,
      is_bot: true,
      destination: 'https://example.com/?a=1&b=\\2',
      query: { gclid: 'x\ty' },
      referral_id: null,
    });
    expect(stored[1]).toMatchObject({ id: ids[1], user_agent: null });
  });

  it('writes none of a batch with a bad row, and the next batch still goes through', async () => {
    const good = newId();
    await expect(
      database.appendRows('clicks', COLUMNS, [row(good, 'fine'), row('not-a-uuid', 'bad')]),
    ).rejects.toThrow();
    expect(await database.db.selectFrom('clicks').select('id').where('id', '=', good).execute()).toEqual([]);
    await database.appendRows('clicks', COLUMNS, [row(good, 'fine')]);
    await database.appendRows('clicks', COLUMNS, []);
    expect(await database.db.selectFrom('clicks').select('id').where('id', '=', good).execute()).toEqual([
      { id: good },
    ]);
  });

  it('writes large batches (more rows than one statement may carry parameters for)', async () => {
    const enrollmentId = newId();
    const rows = Array.from({ length: 7000 }, () => {
      const values = row(newId(), 'bulk');
      values[1] = enrollmentId;
      return values;
    });
    await database.appendRows('clicks', COLUMNS, rows);
    const counted = await database.db
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('enrollment_id', '=', enrollmentId)
      .executeTakeFirstOrThrow();
    expect(counted.count).toBe(7000);
  });
});
