import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCopyText } from './copy/copy-text.js';
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

  it('takes uuids in either case and refuses anything else that is not one', async () => {
    const id = newId();
    await database.appendRows('clicks', COLUMNS, [row(id.toUpperCase(), 'upper')]);
    expect(await database.db.selectFrom('clicks').select('id').where('id', '=', id).execute()).toEqual([
      { id },
    ]);
    // (Postgres itself also reads the forms without dashes or in braces, which a click id never takes.)
    const malformed = [
      `${id.slice(0, 8)}_${id.slice(9)}`,
      `${id.slice(0, 35)}g`,
      `${id.slice(0, 35)}é`,
      `${id}0`,
    ];
    for (const bad of malformed) {
      await expect(database.appendRows('clicks', COLUMNS, [row(bad, 'bad')]), bad).rejects.toThrow();
    }
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

  // A table of every column type the binary encoder lays out, plus one it does not (numeric: the text fallback).
  // Postgres only: PGlite appends with INSERT, where the server's own parameter coercion decides.
  describe.runIf(kind === 'postgres')('column types in COPY', () => {
    type Probe = Parameters<TestDatabase['appendRows']>;
    const append = (table: string, columns: string[], rows: Probe[2]) =>
      database.appendRows(table as Probe[0], columns as never, rows);
    const read = async (table: string) =>
      (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by n`.execute(database.db))
        .rows;

    beforeAll(async () => {
      await sql`create domain short_code as varchar(8)`.execute(database.db);
      await sql`create table typed_probe (
        n int4 primary key, small int2, big int8, ratio float8, tiny float4, flag bool, at timestamptz,
        local_at timestamp, code short_code, label text, uid uuid, doc jsonb, raw json)`.execute(database.db);
      await sql`create table numeric_probe (n int4 primary key, amount numeric(12, 2), label text)`.execute(
        database.db,
      );
    });

    const columns = [
      'n',
      'small',
      'big',
      'ratio',
      'tiny',
      'flag',
      'at',
      'local_at',
      'code',
      'label',
      'uid',
      'doc',
      'raw',
    ];

    it('stores each type as given, with nulls, non-ASCII text and the extremes of integers', async () => {
      const uid = newId();
      await append('typed_probe', columns, [
        [
          1,
          -32768,
          Number.MAX_SAFE_INTEGER,
          -1.5,
          0.25,
          false,
          new Date('1999-12-31T23:59:59.999Z'),
          new Date('2026-06-01T12:00:00.123Z'),
          'abc',
          'Zoë — 東京 🚀 tab\there\nnul\u0000',
          uid.toUpperCase(),
          '{"a": [1, "ü"], "b": null}',
          '{"kept":  "as written"}',
        ],
        [2, null, null, null, null, null, null, null, null, '', null, null, null],
        [3, 32767, -(2 ** 40), 0, 0, true, Date.UTC(2030, 0, 1), new Date(0), '', 'x', uid, '{}', '[]'],
      ]);
      const rows = await read('typed_probe');
      expect(rows[0]).toMatchObject({
        n: 1,
        small: -32768,
        big: Number.MAX_SAFE_INTEGER,
        ratio: -1.5,
        tiny: 0.25,
        flag: false,
        at: new Date('1999-12-31T23:59:59.999Z'),
        code: 'abc',
        label: 'Zoë — 東京 🚀 tab\there\nnul',
        uid,
        doc: { a: [1, 'ü'], b: null },
      });
      expect(rows[1]).toMatchObject({
        n: 2,
        small: null,
        big: null,
        flag: null,
        at: null,
        label: '',
        uid: null,
        doc: null,
      });
      expect(rows[2]).toMatchObject({
        n: 3,
        small: 32767,
        big: -(2 ** 40),
        flag: true,
        at: new Date(Date.UTC(2030, 0, 1)),
      });
      // timestamp without time zone keeps the UTC wall-clock time, as the text format does.
      const local = await sql<{
        text: string;
      }>`select local_at::text as text from typed_probe order by n`.execute(database.db);
      expect(local.rows.map((row) => row.text)).toEqual([
        '2026-06-01 12:00:00.123',
        null,
        '1970-01-01 00:00:00',
      ]);
      const raw = await sql<{ text: string }>`select raw::text as text from typed_probe where n = 1`.execute(
        database.db,
      );
      expect(raw.rows[0]?.text).toBe('{"kept":  "as written"}');
    });

    it('refuses a batch whose values do not fit their columns, writing none of it', async () => {
      const bad: unknown[][] = [
        [10, 1.5],
        [10, 40000],
        [10, null, 2 ** 60],
        [10, null, null, 'one'],
        [10, null, null, null, null, 'yes'],
        [10, null, null, null, null, null, 'not a date'],
        [10, null, null, null, null, null, new Date(Number.NaN)],
        [10, null, null, null, null, null, null, null, 'much too long for the domain'],
        [10, null, null, null, null, null, null, null, null, 42],
        [10, null, null, null, null, null, null, null, null, null, 'zz000000-0000-0000-0000-000000000000'],
        [10, null, null, null, null, null, null, null, null, null, null, '{not json'],
      ];
      for (const values of bad) {
        const row = columns.map((_, index) => (values[index] ?? null) as never);
        await expect(append('typed_probe', columns, [[11, ...row.slice(1)], row])).rejects.toThrow();
      }
      const written = await sql<{ n: number }>`select n from typed_probe where n >= 10`.execute(database.db);
      expect(written.rows).toEqual([]);
    });

    it('falls back to the text format for a column type it has no binary layout for', async () => {
      await append(
        'numeric_probe',
        ['n', 'amount', 'label'],
        [
          [1, '1234.5', 'tab\tand\\backslash'],
          [2, null, null],
        ],
      );
      expect(await read('numeric_probe')).toEqual([
        { n: 1, amount: 1234.5, label: 'tab\tand\\backslash' },
        { n: 2, amount: null, label: null },
      ]);
    });

    it('sees a column whose type changed since its last batch', async () => {
      await append('numeric_probe', ['n', 'label'], [[3, 'before']]);
      await sql`alter table numeric_probe alter column label type int4 using 0`.execute(database.db);
      await expect(append('numeric_probe', ['n', 'label'], [[4, 'text now refused']])).rejects.toThrow();
      await append('numeric_probe', ['n', 'label'], [[5, 7]]);
      const rows = await read('numeric_probe');
      expect(rows.map((row) => [row.n, row.label])).toEqual([
        [1, 0],
        [2, 0],
        [3, 0],
        [5, 7],
      ]);
    });
  });
});
