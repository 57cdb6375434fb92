import { hashIp } from '@warmpath/core';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClickFacts } from './click-from-request.js';
import { type SeededEnrollment, seedEnrollment } from './link-fixtures.js';
import { ThreadClickRecorder } from './thread-click-recorder.js';

const hasPostgres = (await testDatabaseKinds()).includes('postgres');
const SALT = 'test-ip-salt';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

function factsFor(link: SeededEnrollment, overrides: Partial<ClickFacts> = {}): ClickFacts {
  return {
    at: Date.parse('2026-11-22T08:00:00Z'),
    method: 'GET',
    ip: '203.0.113.7',
    userAgent: BROWSER,
    enrollmentId: link.enrollmentId,
    trackId: link.trackId,
    participantId: link.participantId,
    destination: 'https://example.com/welcome?wp_ref=x',
    query: undefined,
    ...overrides,
  };
}

const quietLogger = () => ({ warn: vi.fn(), error: vi.fn() });

describe.runIf(hasPostgres)('the click writer thread (Postgres)', () => {
  let database: TestDatabase;
  let link: SeededEnrollment;
  const rowsOf = (enrollmentId: string) =>
    database.db.selectFrom('clicks').selectAll().where('enrollment_id', '=', enrollmentId).execute();

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    link = await seedEnrollment(database.db, { code: 'Thread_1' });
  });
  afterAll(() => database?.close());

  it('writes every recorded click, as the request thread observed it, in batches', async () => {
    const recorder = new ThreadClickRecorder({
      databaseUrl: database.url as string,
      ipHashSalt: SALT,
      logger: quietLogger(),
      batchSize: 1000,
    });
    try {
      for (let index = 0; index < 2_500; index++) recorder.record(factsFor(link));
      recorder.record(factsFor(link, { method: 'HEAD', query: { gclid: 'abc' } }));
      expect(recorder.buffered).toBe(2_501);
      await recorder.flush();
      expect(recorder.buffered).toBe(0);
      const rows = await rowsOf(link.enrollmentId);
      expect(rows).toHaveLength(2_501);
      expect(new Set(rows.map((row) => row.id)).size).toBe(2_501);
      const human = rows.find((row) => !row.is_bot);
      expect(human).toMatchObject({
        ip_hash: hashIp('203.0.113.7', SALT),
        user_agent: BROWSER,
        destination: 'https://example.com/welcome?wp_ref=x',
        query: {},
        track_id: link.trackId,
        participant_id: link.participantId,
      });
      expect(human?.occurred_at.toISOString()).toBe('2026-11-22T08:00:00.000Z');
      // A HEAD request (link previews) is kept as a bot, with its landing query.
      expect(rows.filter((row) => row.is_bot).map((row) => row.query)).toEqual([{ gclid: 'abc' }]);
    } finally {
      await recorder.close();
    }
  });

  it('writes what is left when it closes, then drops later clicks', async () => {
    const closing = await seedEnrollment(database.db, { code: 'Thread_2' });
    const recorder = new ThreadClickRecorder({
      databaseUrl: database.url as string,
      ipHashSalt: SALT,
      logger: quietLogger(),
      flushIntervalMs: 3_600_000,
    });
    for (let index = 0; index < 40; index++) recorder.record(factsFor(closing));
    await recorder.close();
    expect(await rowsOf(closing.enrollmentId)).toHaveLength(40);
    recorder.record(factsFor(closing));
    expect(recorder.dropped).toBe(1);
    expect(recorder.buffered).toBe(0);
  });

  it('keeps clicks while the database is unreachable, bounded, and says what was lost at shutdown', async () => {
    const logger = quietLogger();
    const onDropped = vi.fn();
    const recorder = new ThreadClickRecorder({
      // Nothing listens on port 1.
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
      ipHashSalt: SALT,
      logger,
      onDropped,
      maxBuffered: 5,
      flushIntervalMs: 3_600_000,
    });
    for (let index = 0; index < 7; index++) recorder.record(factsFor(link));
    expect(recorder.dropped).toBe(2);
    await expect(recorder.flush()).rejects.toThrow();
    expect(recorder.buffered).toBe(5);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ bufferedClicks: 5 }),
      'writing clicks failed; will retry',
    );
    await recorder.close();
    expect(logger.error).toHaveBeenCalledWith(
      { lostClicks: 5 },
      'clicks could not be written before shutdown',
    );
    expect(recorder.dropped).toBe(7);
    expect(onDropped.mock.calls.reduce((sum, [count]) => sum + count, 0)).toBe(7);
  });
});
